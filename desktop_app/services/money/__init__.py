"""Money: payments, receipts and their store, credit notes."""
