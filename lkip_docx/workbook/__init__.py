"""The workbook: its contract, reading, binding, the typed model and validation."""
