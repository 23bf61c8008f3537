"""``lkip serve``: the page in a browser for staff who never open a terminal.

A thin layer over ``lkip_docx.api``, like the CLI: it translates HTTP into library calls and the
answers back into HTML and files. Nothing in the library imports it.

- ``server``: start-up, waitress, shutdown; ``app``: the Flask routes;
- ``lanes``: worker processes (parallel up to a set number, "busy" beyond);
- ``work``: the library calls run in a worker; ``jobs``: recaps with progress;
- ``uploads``: private folders and safe names; ``access``: the access code;
- ``present``, ``helpdoc``: what the page shows (a PDF where LibreOffice is found).
"""
