"""The Word report: formats, sentences, the template context, rendering and template checks."""
