"""Asked before a paid consultation is withdrawn: give the pre-payment back, or keep it.

Opened window-modal without blocking the event loop (`open()`); `decided` says the answer:
True (withdraw and refund), False (withdraw, keep the payment). Cancel withdraws nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from tooddoc_desk.core.consultation import Consultation
from tooddoc_desk.core.payment import format_amount
from tooddoc_desk.ui.i18n import current_language, fill


class RefundPrompt(QMessageBox):
    decided = Signal(bool)  # True: refund too

    def __init__(self, consultation: Consultation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        payment = consultation.payment
        amount = format_amount(payment.amount_cents if payment else 0, current_language().value)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Withdraw a paid consultation"))
        self.setText(fill(self.tr("The patient paid %1 for this consultation. Refund it?"), amount))
        self.setInformativeText(
            self.tr(
                "A refund goes back to the card or account it came from; the patient sees it "
                "within 5 to 10 days."
            )
        )
        self.refund_button = self.addButton(
            self.tr("Withdraw and refund"), QMessageBox.ButtonRole.AcceptRole
        )
        self.keep_button = self.addButton(
            self.tr("Withdraw, keep the payment"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.refund_button:
            self.decided.emit(True)
        elif button is self.keep_button:
            self.decided.emit(False)
