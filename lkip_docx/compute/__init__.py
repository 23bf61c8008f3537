"""Every derived figure, computed from the typed model (pure, Decimal)."""
