"""What every emulator's contract.py shares: reading one of Atlassian's specs, handing it to the
product's own transform, and writing the working copy (never into the repository).

    contract.py SRC.json DEST.json
"""

import json
import sys


def fail(message):
    print(f"contract.py: {message}", file=sys.stderr)
    sys.exit(1)


def main(argv, transform):
    if len(argv) != 3:
        print("usage: contract.py SRC.json DEST.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as source:
            spec = json.load(source)
    except (OSError, ValueError) as error:
        fail(f"cannot read the spec {argv[1]}: {error}")
    spec = transform(spec)
    with open(argv[2], "w", encoding="utf-8") as dest:
        json.dump(spec, dest)
    return 0
