"""Qt widgets. They talk to the services, never to httpx, aiortc or SQL directly."""
