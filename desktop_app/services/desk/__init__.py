"""What a desk does: check in, cards, walk-ins, badges, search."""
