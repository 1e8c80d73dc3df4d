"""The ``wasmui`` command line: ``serve``, ``build`` and ``serve --native``.

Each subcommand is a thin wrapper; the work lives in ``wasmui.build`` (static
site), ``wasmui.devserver`` (serve a build with reload) and
``wasmui.native`` (the ASGI app under uvicorn, for protocol tests).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


PYODIDE_HELP = ("a full Pyodide distribution (a folder, copied into the site, which stays offline; or the "
                "base URL of one, loaded at run time) providing packages such as numpy, Pillow, pandas and "
                "matplotlib. Default: the pinned npm pyodide core (no packages).")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wasmui", description="Gradio apps that run in the browser.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="build APP (file or folder of apps) and serve it on 127.0.0.1")
    serve.add_argument("app", help="path to app.py, an app folder, or a folder of app folders")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--native", action="store_true",
                       help="run the app's ASGI app natively under uvicorn (no browser runtime)")
    serve.add_argument("--no-reload", action="store_true", help="do not rebuild when the app changes")
    serve.add_argument("--pyodide", metavar="DIR_OR_URL", help=PYODIDE_HELP)

    build = sub.add_parser("build", help="write a self-contained static site for APP")
    build.add_argument("app", help="path to app.py, an app folder, or a folder of app folders")
    build.add_argument("-o", "--out", default="site", help="output folder (default: site)")
    build.add_argument("--pyodide", metavar="DIR_OR_URL", help=PYODIDE_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``wasmui`` script; returns the process exit code."""
    args = _parser().parse_args(argv)
    if args.command == "serve" and args.native:
        from wasmui.native import serve_native

        return serve_native(args.app, host=args.host, port=args.port)
    from wasmui.build import MissingPackagesError
    from wasmui.distribution import DistributionError

    try:
        if args.command == "serve":
            from wasmui.devserver import serve_site

            return serve_site(args.app, host=args.host, port=args.port, reload=not args.no_reload, pyodide=args.pyodide)
        if args.command == "build":
            from wasmui.build import build_site

            out = build_site(args.app, args.out, pyodide=args.pyodide)
            print(f"wasmui: built {out}", file=sys.stderr)
            return 0
    except (MissingPackagesError, DistributionError) as exc:
        print(str(exc) if str(exc).startswith("wasmui") else f"wasmui: {exc}", file=sys.stderr)
        return 1
    return 2
