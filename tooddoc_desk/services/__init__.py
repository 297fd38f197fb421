"""What the window asks for: send an invite, admit, hang up, the day's list, the history."""
