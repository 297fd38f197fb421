"""Pre-payment through Stripe Checkout (card, Bancontact): checkout.py speaks to Stripe with its
own client; the consultation service (services/payments.py) decides when."""
