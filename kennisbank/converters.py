"""URL converters. ``<id:pk>``: a database id; a number too large for a bigint is simply not found
(404) instead of reaching PostgreSQL as an out-of-range value (500)."""


class DatabaseIdConverter:
    regex = r"[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
