class IntervisieError(Exception):
    """A request that cannot be carried out; the message is Dutch and safe to show (no personal data)."""
