"""Click's own words (help headings, built-in options, usage errors) in Bahasa Indonesia.

Click marks these strings for gettext but ships no Indonesian catalogue, and gettext catalogues
are chosen from the user's locale, which on the planners' Windows machines says nothing useful.
Each click module binds ``_`` (and ``ngettext``) at import, so the CLI points those names at the
table below; a string click adds in a later version simply stays in English.
"""

from __future__ import annotations

MESSAGES = {
    "Usage:": "Penggunaan:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "required": "wajib",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "Aborted!": "Dibatalkan.",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Ketik '{command} {option}' untuk bantuan.",
    "Missing argument": "Argumen belum diisi",
    "Missing option": "Opsi belum diisi",
    "Missing parameter": "Parameter belum diisi",
    "Missing command.": "Perintah belum diberikan.",
    "Missing {param_type}": "{param_type} belum diisi",
    "Missing parameter: {param_name}": "Parameter belum diisi: {param_name}",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} tidak dalam rentang {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "Could not open file {filename!r}: {message}":
        "Berkas {filename!r} tidak dapat dibuka: {message}",
    "file": "berkas",
    "directory": "folder",
    "path": "path",
}

PLURALS = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        "Argumen tambahan tidak dikenal ({args})",
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        "Opsi {name!r} memerlukan nilai.",
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        "(Mungkin maksud Anda: {possibilities}?)",
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    text = PLURALS.get((singular, plural))
    if text is None:
        return singular if n == 1 else plural
    return text


_installed = False


def install() -> None:
    """Point click's message functions at the Indonesian table (once per process)."""
    global _installed
    if _installed:
        return
    import importlib

    for name in ("core", "exceptions", "parser", "types", "decorators", "formatting", "termui",
                 "utils"):
        module = importlib.import_module(f"click.{name}")
        # setattr: these are click's private names for its translation functions.
        if hasattr(module, "_"):
            setattr(module, "_", gettext)
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", ngettext)
    _installed = True
