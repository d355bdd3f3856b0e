"""Baseline for `npm run bench`: open a wheel with zipfile and parse WHEEL, METADATA and RECORD,
the same three dist-info members `wheel2pkg inspect` reads."""
import csv
import email.parser
import io
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as wheel:
    dist_info = next(
        name.split("/")[0] for name in wheel.namelist() if name.split("/")[0].endswith(".dist-info")
    )
    parser = email.parser.BytesParser()
    info = parser.parsebytes(wheel.read(f"{dist_info}/WHEEL"))
    metadata = parser.parsebytes(wheel.read(f"{dist_info}/METADATA"))
    record = list(csv.reader(io.TextIOWrapper(io.BytesIO(wheel.read(f"{dist_info}/RECORD")), "utf-8")))
    print(metadata["Name"], metadata["Version"], info["Wheel-Version"], len(record))
