from odoo.exceptions import ValidationError
from odoo.http import request, route

from odoo.addons.account_payment.controllers.payment import PaymentPortal


class DuesPaymentPortal(PaymentPortal):
    @route()
    def invoice_transaction(self, invoice_id, access_token, **kwargs):
        """The pay button is hidden from a contact whose roles do not pay the dues;
        the transaction route refuses them too, so a hand-made request cannot pay
        around it."""
        invoice = request.env["account.move"].browse(invoice_id).exists()
        refusal = invoice and invoice._eboc_portal_pay_refusal()
        if refusal:
            raise ValidationError(refusal)
        return super().invoice_transaction(invoice_id, access_token, **kwargs)
