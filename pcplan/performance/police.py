"""Read data.police.uk monthly CSV downloads with DuckDB, into monthly aggregates.

Plain Python (no Django): finds the files (folders, single files, the download zip), checks
each header against the exact published header, and aggregates with GROUP BY inside DuckDB,
so raw rows never enter Python. The files are read a batch at a time (`Reader.read_batches`)
while pcplan.performance.importer writes the batches read before, in the one transaction that a
file refused later undoes.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from pcplan.performance.areas import DISTRICT_SQL

if TYPE_CHECKING:
    import duckdb

STREET = "street"
OUTCOMES = "outcomes"
STOP_AND_SEARCH = "stop-and-search"
KINDS = (STREET, OUTCOMES, STOP_AND_SEARCH)
# Not a kind of file: the street query that also keeps map points (see AGGREGATE_SQL).
STREET_WITH_POINTS = "street-with-points"
# Not a kind of file either: the street-crime map points not kept yet (PoliceMapPoint).
MAP_POINTS = "map-points"

# The exact published headers, column by column, with the types pcplan reads them as.
COLUMNS: dict[str, dict[str, str]] = {
    STREET: {
        "Crime ID": "VARCHAR",
        "Month": "VARCHAR",
        "Reported by": "VARCHAR",
        "Falls within": "VARCHAR",
        "Longitude": "DOUBLE",
        "Latitude": "DOUBLE",
        "Location": "VARCHAR",
        "LSOA code": "VARCHAR",
        "LSOA name": "VARCHAR",
        "Crime type": "VARCHAR",
        "Last outcome category": "VARCHAR",
        "Context": "VARCHAR",
    },
    OUTCOMES: {
        "Crime ID": "VARCHAR",
        "Month": "VARCHAR",
        "Reported by": "VARCHAR",
        "Falls within": "VARCHAR",
        "Longitude": "DOUBLE",
        "Latitude": "DOUBLE",
        "Location": "VARCHAR",
        "LSOA code": "VARCHAR",
        "LSOA name": "VARCHAR",
        "Outcome type": "VARCHAR",
    },
    STOP_AND_SEARCH: {
        "Type": "VARCHAR",
        "Date": "TIMESTAMPTZ",
        "Part of a policing operation": "VARCHAR",
        "Policing operation": "VARCHAR",
        "Latitude": "DOUBLE",
        "Longitude": "DOUBLE",
        "Gender": "VARCHAR",
        "Age range": "VARCHAR",
        "Self-defined ethnicity": "VARCHAR",
        "Officer-defined ethnicity": "VARCHAR",
        "Legislation": "VARCHAR",
        "Object of search": "VARCHAR",
        "Outcome": "VARCHAR",
        "Outcome linked to object of search": "VARCHAR",
        "Removal of more than just outer clothing": "VARCHAR",
    },
}

FILE_NAME = re.compile(r"^(\d{4})-(\d{2})-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\.csv$")
FILES_PER_QUERY = 24  # enough for DuckDB to use both cores; few enough for a useful progress bar
UTF8_BOM = "\ufeff"


class PoliceDataError(Exception):
    """A file pcplan refuses, with where the problem is."""

    def __init__(self, file: str, message: str, line: int | None = None, column: str = "") -> None:
        self.file, self.line, self.column, self.message = file, line, column, message
        where = file
        if line is not None:
            where += f", line {line}"
        if column:
            where += f", column {column}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class PoliceFile:
    path: Path
    name: str  # as the user knows it: the path given, or "archive.zip:2024-01/..."
    month: dt.date
    force: str
    kind: str


@dataclass
class Summary:
    files: list[PoliceFile] = field(default_factory=list)
    rows: int = 0
    rows_by_kind: dict[str, int] = field(default_factory=dict)
    aggregate_rows: int = 0
    rows_dated_in_other_month: int = 0
    # Searches with coordinates near no street crime map point of their force, in the files
    # read with them or kept from earlier imports: stored with no area.
    searches_not_placed: int = 0
    # Street-crime map points seen for the first time, kept for placing later searches.
    new_map_points: int = 0

    @property
    def months(self) -> list[str]:
        return sorted({f"{f.month:%Y-%m}" for f in self.files})

    @property
    def forces(self) -> list[str]:
        return sorted({f.force for f in self.files})


def parse_name(path: Path, shown: str) -> PoliceFile:
    match = FILE_NAME.match(path.name)
    if not match:
        raise PoliceDataError(
            shown,
            "not a data.police.uk file name; expected YYYY-MM-<force>-street.csv, "
            "-outcomes.csv or -stop-and-search.csv",
        )
    year, month, force, kind = match.groups()
    if not 1 <= int(month) <= 12:
        raise PoliceDataError(shown, f"month {month} in the file name is not a month")
    return PoliceFile(path, shown, dt.date(int(year), int(month), 1), force, kind)


def find_files(paths: list[Path], unpack_to: Path) -> list[PoliceFile]:
    """Every police.uk CSV in the given files, folders and zip archives (unpacked to a temp dir)."""
    found: list[PoliceFile] = []
    for index, path in enumerate(paths):
        if not path.exists():
            raise PoliceDataError(str(path), "no such file or folder")
        if path.is_dir():
            found += [parse_name(p, str(p)) for p in sorted(path.rglob("*.csv"))]
        elif zipfile.is_zipfile(path):
            target = unpack_to / f"zip{index}"
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.namelist() if m.lower().endswith(".csv")]
                for member in members:
                    # extract() keeps members inside target even for "../" names.
                    extracted = Path(archive.extract(member, target))
                    found.append(parse_name(extracted, f"{path}:{member}"))
        elif path.suffix.lower() == ".csv":
            found.append(parse_name(path, str(path)))
        else:
            raise PoliceDataError(str(path), "not a CSV file, a folder or a zip archive")
    if not found:
        raise PoliceDataError(", ".join(str(p) for p in paths), "no data.police.uk CSV files found")
    seen: dict[tuple[str, dt.date, str], str] = {}
    for f in found:
        key = (f.force, f.month, f.kind)
        if key in seen:
            raise PoliceDataError(f.name, f"the same force, month and kind as {seen[key]}")
        seen[key] = f.name
    return found


def check_header(f: PoliceFile) -> None:
    """The first line must be exactly the published header (a UTF-8 BOM and CRLF allowed)."""
    expected = list(COLUMNS[f.kind])
    try:
        with f.path.open(encoding="utf-8", newline="") as stream:
            header = next(csv.reader(stream), [])
    except UnicodeDecodeError:
        raise PoliceDataError(f.name, "not UTF-8 text", line=1) from None
    if header and header[0].startswith(UTF8_BOM):
        header[0] = header[0][len(UTF8_BOM) :]
    for number, (got, want) in enumerate(zip(header, expected, strict=False), start=1):
        if got != want:
            raise PoliceDataError(
                f.name, f'header is "{got}", expected "{want}"', line=1, column=str(number)
            )
    if len(header) != len(expected):
        raise PoliceDataError(
            f.name,
            f"header has {len(header)} columns, expected {len(expected)}: {', '.join(expected)}",
            line=1,
        )


READ_CSV = (
    "read_csv($files, columns=$columns, header=true, auto_detect=false, delim=',', "
    "quote='\"', escape='\"', filename=true, encoding='utf-8'{rejects})"
)
# Only to find where a refused batch went wrong: DuckDB then records each bad row instead of
# stopping at it. Keeping rejects costs about a third more time, so good files are read without.
REJECTS = ", store_rejects=true, rejects_table='rejects', rejects_scan='rejects_scan'"

# Each query groups in DuckDB first and works out the district once per group, not per row.
AGGREGATE_SQL = {
    STREET: f"""
        INSERT INTO street_agg
        SELECT filename, coalesce("LSOA code", ''), coalesce("LSOA name", ''), {DISTRICT_SQL},
               coalesce("Crime type", ''), coalesce("Last outcome category", ''), n, located,
               getvariable('batch')
        FROM (SELECT filename, "LSOA code", "LSOA name", "Crime type", "Last outcome category",
                     count(*) AS n, count("Longitude" + "Latitude") AS located
              FROM {READ_CSV} GROUP BY ALL)""",  # noqa: S608 - constant SQL, files are bound parameters
    # Stop and search files carry only coordinates. The street files of the same force say
    # which district each published map point lies in, so the street rows are also grouped by
    # point (a second grouping set of the same read) and the points kept, in this run for
    # placing its searches (PLACE_SEARCHES_SQL) and in the database for later runs.
    STREET_WITH_POINTS: f"""
        CREATE OR REPLACE TEMP TABLE street_batch AS
        SELECT grouping("Crime type") AS is_point, filename, "LSOA code", "LSOA name",
               "Crime type", "Last outcome category", "Latitude", "Longitude",
               count(*) AS n, count("Longitude" + "Latitude") AS located
        FROM {READ_CSV}
        GROUP BY GROUPING SETS (
            (filename, "LSOA code", "LSOA name", "Crime type", "Last outcome category"),
            (filename, "LSOA name", "Latitude", "Longitude"));
        INSERT INTO street_agg
        SELECT filename, coalesce("LSOA code", ''), coalesce("LSOA name", ''), {DISTRICT_SQL},
               coalesce("Crime type", ''), coalesce("Last outcome category", ''), n, located,
               getvariable('batch')
        FROM street_batch WHERE is_point = 0;
        INSERT INTO street_points
        SELECT filename, "Latitude", "Longitude", district
        FROM (SELECT filename, "Latitude", "Longitude", {DISTRICT_SQL} AS district
              FROM street_batch
              WHERE is_point = 1 AND "Latitude" IS NOT NULL AND "Longitude" IS NOT NULL)
        WHERE district <> '';
        DROP TABLE street_batch""",  # noqa: S608 - constant SQL, files are bound parameters
    OUTCOMES: f"""
        INSERT INTO outcomes_agg
        SELECT filename, coalesce("LSOA code", ''), coalesce("LSOA name", ''), {DISTRICT_SQL},
               coalesce("Outcome type", ''), n, located, getvariable('batch')
        FROM (SELECT filename, "LSOA code", "LSOA name", "Outcome type",
                     count(*) AS n, count("Longitude" + "Latitude") AS located
              FROM {READ_CSV} GROUP BY ALL)""",  # noqa: S608 - constant SQL, files are bound parameters
    # Grouped by map point too; PLACE_SEARCHES_SQL turns points into districts and
    # drops the coordinates before anything is stored.
    STOP_AND_SEARCH: f"""
        INSERT INTO stop_points
        SELECT filename, "Latitude", "Longitude", coalesce("Object of search", ''),
               coalesce("Outcome", ''), coalesce("Outcome linked to object of search", ''),
               coalesce("Officer-defined ethnicity", ''), coalesce("Self-defined ethnicity", ''),
               count(*),
               count("Longitude" + "Latitude"),
               count(*) FILTER (WHERE strftime("Date" AT TIME ZONE 'UTC', '%Y-%m')
                                      <> regexp_extract(filename, '(\\d{{4}}-\\d{{2}})-[^/]*$', 1))
        FROM {READ_CSV} GROUP BY ALL""",  # noqa: S608 - constant SQL, files are bound parameters
}


def _aggregate_sql(kind: str, *, rejects: bool) -> str:
    """The aggregate query of one kind, with DuckDB's rejects tables or without."""
    return AGGREGATE_SQL[kind].replace("{rejects}", REJECTS if rejects else "")


# A search is placed at the nearest street-crime map point of its force within the 3 x 3
# grid cells around it (cells of 0.02 degrees: about 2.2 km north-south, 1.4 km east-west
# here), so the join is an equality join on cells, not every search against every point.
# data.police.uk snaps both kinds to the same anonymised map points, so most searches are
# on a point exactly (distance 0). Ties go to the district first in alphabetical order.
CELL_DEGREES = 0.02
PLACE_SEARCHES_SQL = f"""
    CREATE OR REPLACE TEMP TABLE map_points AS
    SELECT force, lat, lon, district,
           floor(lat / {CELL_DEGREES})::BIGINT AS cy, floor(lon / {CELL_DEGREES})::BIGINT AS cx
    FROM (SELECT f.force, p.lat, p.lon, p.district
          FROM street_points p JOIN files f USING (filename)
          UNION
          SELECT force, lat, lon, district FROM kept_points);
    CREATE OR REPLACE TEMP TABLE searched AS
    SELECT DISTINCT f.force, r.lat, r.lon
    FROM stop_points r JOIN files f USING (filename)
    WHERE r.lat IS NOT NULL AND r.lon IS NOT NULL;
    CREATE OR REPLACE TEMP TABLE placed AS
    SELECT s.force, s.lat, s.lon, min(m.district) AS district
    FROM searched s JOIN map_points m USING (force, lat, lon)
    GROUP BY ALL;
    INSERT INTO placed
    SELECT force, lat, lon, min(candidate).district
    FROM (SELECT s.force, s.lat, s.lon,
                 {{'distance': pow(m.lat - s.lat, 2)
                               + pow((m.lon - s.lon) * cos(radians(s.lat)), 2),
                   'district': m.district}} AS candidate
          FROM (SELECT u.force, u.lat, u.lon,
                       floor(u.lat / {CELL_DEGREES})::BIGINT + dy.d AS cy,
                       floor(u.lon / {CELL_DEGREES})::BIGINT + dx.d AS cx
                FROM searched u ANTI JOIN placed USING (force, lat, lon),
                     (VALUES (-1), (0), (1)) dy(d), (VALUES (-1), (0), (1)) dx(d)) s
          JOIN map_points m ON m.force = s.force AND m.cy = s.cy AND m.cx = s.cx)
    GROUP BY ALL;
    INSERT INTO stop_agg
    SELECT r.filename, coalesce(p.district, ''), r.object_of_search, r.outcome, r.outcome_linked,
           r.officer_defined_ethnicity, r.self_defined_ethnicity, sum(r.n), sum(r.located),
           sum(r.other_month),
           coalesce(sum(r.n) FILTER (WHERE p.district IS NULL AND r.lat IS NOT NULL
                                     AND r.lon IS NOT NULL), 0)
    FROM stop_points r JOIN files f USING (filename)
         LEFT JOIN placed p ON p.force = f.force AND p.lat = r.lat AND p.lon = r.lon
    GROUP BY ALL;
    DROP TABLE map_points;
    DROP TABLE searched;
    DROP TABLE placed"""  # noqa: S608 - constant SQL


CREATE_TABLES = """
    CREATE TABLE street_agg (filename VARCHAR, lsoa_code VARCHAR, lsoa_name VARCHAR,
        district VARCHAR, crime_type VARCHAR, last_outcome_category VARCHAR, n BIGINT,
        located BIGINT, batch INTEGER);
    CREATE TABLE outcomes_agg (filename VARCHAR, lsoa_code VARCHAR, lsoa_name VARCHAR,
        district VARCHAR, outcome_type VARCHAR, n BIGINT, located BIGINT, batch INTEGER);
    CREATE TABLE files (filename VARCHAR PRIMARY KEY, force VARCHAR, month VARCHAR);
    CREATE TABLE street_points (filename VARCHAR, lat DOUBLE, lon DOUBLE, district VARCHAR);
    CREATE TABLE kept_points (force VARCHAR, lat DOUBLE, lon DOUBLE, district VARCHAR);
    CREATE TABLE new_points (force VARCHAR, lat DOUBLE, lon DOUBLE, district VARCHAR);
    CREATE TABLE stop_points (filename VARCHAR, lat DOUBLE, lon DOUBLE,
        object_of_search VARCHAR, outcome VARCHAR, outcome_linked VARCHAR,
        officer_defined_ethnicity VARCHAR, self_defined_ethnicity VARCHAR, n BIGINT,
        located BIGINT, other_month BIGINT);
    CREATE TABLE stop_agg (filename VARCHAR, district VARCHAR, object_of_search VARCHAR,
        outcome VARCHAR, outcome_linked VARCHAR, officer_defined_ethnicity VARCHAR,
        self_defined_ethnicity VARCHAR, n BIGINT, located BIGINT, other_month BIGINT,
        not_placed BIGINT);
"""


# The points of this run not kept yet: what the import adds to PoliceMapPoint.
NEW_POINTS_SQL = """
    CREATE OR REPLACE TABLE new_points AS
    SELECT DISTINCT f.force, p.lat, p.lon, p.district
    FROM street_points p JOIN files f USING (filename)
    ANTI JOIN kept_points k ON k.force = f.force AND k.lat = p.lat AND k.lon = p.lon
                              AND k.district = p.district"""


# Every typed column is used in the aggregate ("located": rows with coordinates) so that DuckDB
# casts, and so checks, every value: a column it does not need is otherwise never parsed.


class Reader:
    """A DuckDB session that aggregates police.uk files into its own tables."""

    def __init__(self, memory_limit: str = "512MB", temp_directory: str | None = None) -> None:
        # Imported here, not at the top: DuckDB takes a noticeable time to load, and only a
        # command that reads police files needs it (not `pcplan --help`, nor the demo's other
        # steps, nor a web worker).
        import duckdb

        self._duckdb = duckdb
        self.con = duckdb.connect(":memory:")
        self.con.execute(f"SET memory_limit = '{memory_limit}'")
        if temp_directory:
            self.con.execute("SET temp_directory = $d", {"d": temp_directory})
        self.con.execute(CREATE_TABLES)

    def close(self) -> None:
        self.con.close()

    def keep_points(self, points: Iterable[tuple[str, float, float, str]]) -> None:
        """Street-crime map points kept from earlier imports (force, latitude, longitude,
        district): searches are placed among them too, and they are not kept twice."""
        columns: list[list[Any]] = [[], [], [], []]
        for point in points:
            for column, value in zip(columns, point, strict=True):
                column.append(value)
        if columns[0]:
            # Four lists side by side, not a row at a time: DuckDB binds each list once.
            self.con.execute(
                "INSERT INTO kept_points SELECT unnest($f), unnest($lat), unnest($lon), unnest($d)",
                {"f": columns[0], "lat": columns[1], "lon": columns[2], "d": columns[3]},
            )

    def check_headers(self, files: list[PoliceFile]) -> None:
        for f in files:
            check_header(f)

    def read_batches(
        self,
        files: list[PoliceFile],
        progress: Callable[[int], None] | None = None,
        con: duckdb.DuckDBPyConnection | None = None,
    ) -> Iterator[Batch]:
        """Aggregate the files a batch at a time, giving each batch as soon as it is ready to
        be stored: the street files, then the new map points (all street points are known),
        the outcomes files, then the stop and search files all at once, after they are placed
        among every street point (kept and new). `con`: a cursor of this reader's database, to
        read in another thread than the one storing (DuckDB works out of the GIL)."""
        con = con or self.con
        self.check_headers(files)
        batches = plan_batches(files)
        con.executemany(
            "INSERT INTO files VALUES (?, ?, ?)",
            [(str(f.path), f.force, f.month.isoformat()) for f in files],
        )
        by_path = {str(f.path): f for f in files}
        for batch in batches:
            if batch.kind == MAP_POINTS:
                con.execute(NEW_POINTS_SQL)
                yield batch
                continue
            # Each aggregate row notes its batch: the rows of one batch are then found
            # without reading the others (DuckDB skips row groups by their range of values).
            con.execute("SET VARIABLE batch = $b", {"b": batch.number})
            for start in range(0, len(batch.files), FILES_PER_QUERY):
                part = batch.files[start : start + FILES_PER_QUERY]
                query = STREET_WITH_POINTS if batch.kind == STREET else batch.kind
                self._aggregate_batch(con, query, part, by_path)
                if progress:
                    progress(len(part))
            if batch.kind == STOP_AND_SEARCH:
                for statement in PLACE_SEARCHES_SQL.split(";"):
                    con.execute(statement)
            yield batch

    def summary(self, files: list[PoliceFile]) -> Summary:
        """What was read, once every batch has been."""
        summary = Summary(files=list(files))
        (new_points,) = self._fetch_one("SELECT count(*) FROM new_points")
        summary.new_map_points = int(new_points)
        for kind, table in (
            (STREET, "street_agg"),
            (OUTCOMES, "outcomes_agg"),
            (STOP_AND_SEARCH, "stop_agg"),
        ):
            sql = f"SELECT coalesce(sum(n), 0), count(*) FROM {table}"  # noqa: S608
            rows, groups = self._fetch_one(sql)
            summary.rows_by_kind[kind] = int(rows)
            summary.rows += int(rows)
            summary.aggregate_rows += int(groups)
        (other,) = self._fetch_one("SELECT coalesce(sum(other_month), 0) FROM stop_agg")
        summary.rows_dated_in_other_month = int(other)
        (not_placed,) = self._fetch_one("SELECT coalesce(sum(not_placed), 0) FROM stop_agg")
        summary.searches_not_placed = int(not_placed)
        return summary

    def empty_files(self, files: list[PoliceFile]) -> list[PoliceFile]:
        """The files (already read) with a header and no rows."""
        with_rows = {
            name
            for (name,) in self.con.execute(
                "SELECT filename FROM street_agg UNION SELECT filename FROM outcomes_agg "
                "UNION SELECT filename FROM stop_agg"
            ).fetchall()
        }
        return [f for f in files if str(f.path) not in with_rows]

    def empty_files_of(self, batch: Batch) -> list[PoliceFile]:
        """The files of a batch (already read) with a header and no rows."""
        if batch.kind not in BATCHED:
            return self.empty_files(batch.files)
        sql = f"SELECT DISTINCT filename FROM {BATCHED[batch.kind]} WHERE batch = $b"  # noqa: S608
        with_rows = {name for (name,) in self.con.execute(sql, {"b": batch.number}).fetchall()}
        return [f for f in batch.files if str(f.path) not in with_rows]

    def batch_rows(self, batch: Batch) -> int:
        """How many rows the batch stores."""
        if batch.kind in BATCHED:
            sql = f"SELECT count(*) FROM {BATCHED[batch.kind]} WHERE batch = {int(batch.number)}"  # noqa: S608
        else:
            sql = f"SELECT count(*) FROM ({ROWS_SQL[batch.kind]})"  # noqa: S608
        (rows,) = self._fetch_one(sql)
        return int(rows)

    def _fetch_one(self, sql: str) -> tuple[Any, ...]:
        row = self.con.execute(sql).fetchone()
        assert row is not None  # noqa: S101 - aggregates always return one row
        return tuple(row)

    def _aggregate_batch(
        self,
        con: duckdb.DuckDBPyConnection,
        query: str,
        batch: list[PoliceFile],
        by_path: dict[str, Any],
    ) -> None:
        kind = STREET if query == STREET_WITH_POINTS else query
        params = {"files": [str(f.path) for f in batch], "columns": COLUMNS[kind]}
        # The first statement reads the files (the only one with parameters); the rest, if
        # any, work on what it read.
        first, *rest = _aggregate_sql(query, rejects=False).split(";")
        try:
            con.execute(first, params)
        except self._duckdb.Error as exc:
            # Nothing of the failed statement is kept; read the batch again to say where.
            self._refuse(con, kind, batch, params, by_path, exc)
        for statement in rest:
            con.execute(statement)

    def _refuse(
        self,
        con: duckdb.DuckDBPyConnection,
        kind: str,
        batch: list[PoliceFile],
        params: dict[str, Any],
        by_path: dict[str, Any],
        error: duckdb.Error,
    ) -> NoReturn:
        """Raise PoliceDataError naming the first bad row of the batch, found by reading the
        batch again with DuckDB's rejects tables, in a transaction rolled back afterwards."""
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_aggregate_sql(kind, rejects=True), params)
            reject = con.execute(
                """SELECT s.file_path, e.line, e.column_idx, e.column_name, e.error_type,
                          e.error_message
                   FROM rejects e JOIN rejects_scan s USING (scan_id, file_id)
                   ORDER BY s.file_path, e.line LIMIT 1"""
            ).fetchone()
        except self._duckdb.Error:
            reject = None
        finally:
            con.execute("ROLLBACK")
        if not reject:
            raise PoliceDataError(
                ", ".join(f.name for f in batch), f"could not be read: {error}"
            ) from None
        path, line, column_idx, column_name, error_type, message = reject
        f = by_path[path]
        if error_type == "CAST":
            # DuckDB numbers the columns it projected, not the file's: find the value again.
            column_idx, column_name = _bad_value_column(f, line) or (column_idx, column_name)
        column = f"{column_idx} ({column_name})" if column_name else str(column_idx)
        raise PoliceDataError(f.name, _plain(error_type, message), line=line, column=column)

    # The rows to store, ready for the database: (force, month, ...aggregate columns).

    def rows(self, batch: Batch, size: int = 50_000) -> Iterator[list[tuple[Any, ...]]]:
        """The aggregates of one batch as Python tuples, `size` at a time."""
        cursor = self.con.execute(_rows_sql(batch))
        while rows := cursor.fetchmany(size):
            yield rows

    def write_csv(self, batch: Batch, path: Path) -> None:
        """The aggregates of one batch as a CSV file (no header; "" for empty text), the form
        PostgreSQL's COPY reads: DuckDB writes it without the rows passing through Python."""
        self.con.execute(f"COPY ({_rows_sql(batch)}) TO '{path}' (FORMAT csv, HEADER false)")


@dataclass(frozen=True)
class Batch:
    """Files read together and stored together: street or outcomes files (BATCH_FILES of
    them), the new map points (MAP_POINTS, no files), or every stop and search file."""

    number: int
    kind: str
    files: list[PoliceFile]


# Street or outcomes files stored at a time while the next are read: one query's, so that
# writing starts after the first query (a national archive has 516 street files a year).
BATCH_FILES = FILES_PER_QUERY


def plan_batches(files: list[PoliceFile]) -> list[Batch]:
    """The order files are read and stored in (see Reader.read_batches)."""
    size = BATCH_FILES
    groups: list[tuple[str, list[PoliceFile]]] = []
    for kind in (STREET, OUTCOMES):
        of_kind = [f for f in files if f.kind == kind]
        groups += [(kind, of_kind[i : i + size]) for i in range(0, len(of_kind), size)]
        if kind == STREET:
            groups.append((MAP_POINTS, []))
    stops = [f for f in files if f.kind == STOP_AND_SEARCH]
    if stops:
        groups.append((STOP_AND_SEARCH, stops))
    return [Batch(number, kind, group) for number, (kind, group) in enumerate(groups)]


# The kinds read in several batches, and the table of each one's aggregates.
BATCHED = {STREET: "street_agg", OUTCOMES: "outcomes_agg"}


def _rows_sql(batch: Batch) -> str:
    if batch.kind not in BATCHED:
        return ROWS_SQL[batch.kind]  # one batch holds them all
    return f"{ROWS_SQL[batch.kind]} WHERE batch = {int(batch.number)}"


ROWS_SQL = {
    STREET: "SELECT force, month, lsoa_code, lsoa_name, district, crime_type, "
    "last_outcome_category, n FROM street_agg JOIN files USING (filename)",
    OUTCOMES: "SELECT force, month, lsoa_code, lsoa_name, district, outcome_type, n "
    "FROM outcomes_agg JOIN files USING (filename)",
    STOP_AND_SEARCH: "SELECT force, month, district, object_of_search, outcome, outcome_linked, "
    "officer_defined_ethnicity, self_defined_ethnicity, n "
    "FROM stop_agg JOIN files USING (filename)",
    MAP_POINTS: "SELECT force, lat, lon, district FROM new_points",
}


def _readable(value: str, sql_type: str) -> bool:
    if value == "":
        return True
    try:
        if sql_type == "DOUBLE":
            float(value)
        elif sql_type == "TIMESTAMPTZ":
            dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _bad_value_column(f: PoliceFile, line: int) -> tuple[int, str] | None:
    """The first column of `line` whose value cannot be read as its type (error path only)."""
    with f.path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        row: list[str] | None = None
        for candidate in reader:
            if reader.line_num >= line:
                row = candidate
                break
    if row is None:
        return None
    for index, ((name, sql_type), value) in enumerate(
        zip(COLUMNS[f.kind].items(), row, strict=False), start=1
    ):
        if not _readable(value, sql_type):
            return index, name
    return None


def _plain(error_type: str, message: str) -> str:
    if error_type == "TOO MANY COLUMNS" or error_type == "MISSING COLUMNS":
        return f"wrong number of columns ({message})"
    if error_type == "CAST":
        return f"unreadable value ({message})"
    return f"{error_type.lower()}: {message}"


def count_rows(paths: list[Path]) -> int:
    """DuckDB merely counting the rows of the files: the yardstick of the ingest benchmark."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        row = con.execute(
            "SELECT count(*) FROM read_csv($files, header=true, all_varchar=true)",
            {"files": [str(p) for p in paths]},
        ).fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()
