#!/usr/bin/env python3
"""Fill an Odoo 18 database with a believable EBMO: the benchmark data set.

Run it with the interpreter of the Odoo 18 installation (``./eboc bench`` does this
for you)::

    python bench/generate.py --config odoo.conf --database bench_50k \\
        --companies 50000 --contacts-per-company 5 --seed 42 --create-db

It uses Odoo as a library: ``--create-db`` creates the database and installs
``eboc_membership`` without demo data (what ``odoo-bin -d DB -i eboc_membership
--without-demo=all --stop-after-init`` does), with the addons named by ``--modules``
(``--modules eboc_dues`` for the dues benchmark, ``bench/dues.py``); when one of them
brings ``account``, the company gets Odoo's generic chart of accounts unless it has
one. Then the script builds

* a region tree (country, regions, districts) and an association tree (a national
  federation with sectoral, regional and local associations, each an active member
  of its parent);
* about ten internal users, the account managers;
* N companies spread over the ISIC divisions, with a realistic size mix, turnover,
  legal form, founding year, address and account manager;
* ``--contacts-per-company`` persons per company with functions, roles and at most
  one key contact per role;
* memberships in every state, some companies in two associations.

Everything goes through the ORM in batches: ``create(vals_list)`` per chunk of
companies (their contacts and memberships with them), a commit per chunk and an
emptied cache between chunks, so that memory stays flat. Progress goes to stdout;
the last line is ``BENCH_RESULT {json}`` for scripts.
"""

import argparse
import cProfile
import json
import os
import random
import resource
import sys
import time
import uuid
from collections import Counter, defaultdict
from contextlib import contextmanager
from datetime import date, timedelta

MODULE = "eboc_membership"

# ---------------------------------------------------------------------------
# Distributions
# ---------------------------------------------------------------------------

# Share of companies per ISIC section: an employer federation recruits mostly in
# manufacturing, construction, trade and hospitality.
SECTION_WEIGHTS = {
    "A": 4.0,
    "B": 0.8,
    "C": 22.0,
    "D": 0.5,
    "E": 1.0,
    "F": 14.0,
    "G": 20.0,
    "H": 5.0,
    "I": 9.0,
    "J": 3.5,
    "K": 1.5,
    "L": 1.5,
    "M": 6.0,
    "N": 4.0,
    "O": 0.2,
    "P": 1.5,
    "Q": 2.5,
    "R": 1.0,
    "S": 1.5,
    "T": 0.05,
    "U": 0.02,
}
# Within a section divisions share equally, except these (relative factors).
DIVISION_FACTORS = {
    "10": 3.0,  # food products
    "25": 2.5,  # fabricated metal products
    "28": 1.5,  # machinery
    "22": 1.5,  # rubber and plastics
    "31": 1.3,  # furniture
    "12": 0.1,  # tobacco
    "19": 0.1,  # coke and refined petroleum
    "47": 1.8,  # retail trade
    "56": 1.6,  # food and beverage service
    "41": 1.3,  # construction of buildings
    "43": 1.5,  # specialised construction
    "49": 2.0,  # land transport
}

# (size class, share, employee range)
SIZE_MIX = [
    ("micro", 0.60, (1, 9)),
    ("small", 0.25, (10, 49)),
    ("medium", 0.11, (50, 249)),
    ("large", 0.04, (250, 25000)),
]

MEMBERSHIP_STATES = [
    ("active", 0.70),
    ("suspended", 0.06),
    ("applicant", 0.07),
    ("prospect", 0.05),
    ("lapsed", 0.06),
    ("resigned", 0.06),
]
NUMBERED_STATES = {"active", "suspended", "lapsed", "resigned"}

MEMBERSHIP_TYPES = [("full", 0.75), ("associate", 0.15), ("affiliate", 0.09), ("honorary", 0.01)]

LEAVING_REASONS = [
    ("cost", 0.30),
    ("closed", 0.20),
    ("merged", 0.08),
    ("dissatisfied", 0.15),
    ("other_organisation", 0.07),
    ("non_payment", 0.15),
    ("other", 0.05),
]

# Legal form per size class.
LEGAL_FORMS = {
    "micro": [("sole", 0.45), ("partnership", 0.15), ("llc", 0.35), ("coop", 0.05)],
    "small": [("sole", 0.10), ("partnership", 0.10), ("llc", 0.72), ("coop", 0.05), ("npo", 0.03)],
    "medium": [("llc", 0.75), ("plc", 0.12), ("coop", 0.05), ("soe", 0.03), ("npo", 0.05)],
    "large": [("llc", 0.45), ("plc", 0.40), ("soe", 0.12), ("coop", 0.03)],
}
LEGAL_SUFFIX = {
    "sole": "",
    "partnership": "& Partners",
    "llc": "Ltd",
    "plc": "PLC",
    "coop": "Cooperative",
    "soe": "Corporation",
    "npo": "Foundation",
}

# Contact roles in the order a company fills them; the CEO is always first.
ROLE_CODES = ["ceo", "fin", "hr", "osh", "comm", "train", "legal"]
ROLE_FUNCTIONS = {
    "ceo": ["Managing Director", "Chief Executive Officer", "General Manager", "Owner"],
    "fin": ["Finance Director", "Chief Financial Officer", "Head of Accounting", "Accountant"],
    "hr": ["HR Manager", "Head of People", "HR Business Partner", "Personnel Officer"],
    "osh": ["Health and Safety Officer", "OSH Coordinator", "HSE Manager"],
    "comm": ["Communications Manager", "Marketing and Communications Lead", "Press Officer"],
    "train": ["Training Manager", "Learning and Development Lead", "Apprenticeship Coordinator"],
    "legal": ["Legal Counsel", "Head of Legal", "Company Secretary"],
}
OTHER_FUNCTIONS = [
    "Sales Manager",
    "Operations Manager",
    "Office Manager",
    "Executive Assistant",
    "Production Manager",
    "Purchasing Manager",
    "Quality Manager",
    "Site Manager",
]

FIRST_NAMES = (
    "Amina Aisha Adrian Alice Ana Andreas Anna Arjun Beatriz Ben Carla Carlos Chen Chloe "
    "Daniel David Diego Elena Emma Fatima Felix Grace Hana Hassan Ibrahim Ines Isabel Ivan "
    "James Jana Javier John Joseph Julia Kamal Karin Kofi Lars Laura Leila Li Lucas Lucia "
    "Maria Mark Marta Mei Michael Mohamed Nadia Naomi Nina Noah Olga Omar Paul Paula Pedro "
    "Peter Priya Rahul Rosa Ruth Sara Sofia Stefan Tariq Thomas Tomas Ursula Victor Wei "
    "Yara Yusuf Zainab Zofia"
).split()
LAST_NAMES = (
    "Abara Adeyemi Alvarez Andersen Bakker Banda Becker Berg Costa Dubois Duarte Eriksen "
    "Ferreira Fischer Garcia Gomez Haddad Hansen Hoffmann Ivanova Jansen Kamau Khan Kowalski "
    "Kumar Lambert Larsen Lopez Mendes Meyer Moreau Mwangi Nielsen Novak Okafor Olsen "
    "Osei Petrov Pereira Rossi Santos Schmidt Silva Singh Smith Sorensen Tanaka Torres "
    "Usman Varga Vogel Wagner Wang Weber Wilson Yilmaz Zhang Zimmermann"
).split()
NAME_STEMS = (
    "Acme Apex Atlas Aurora Beacon Blue Bridge Cedar Crest Delta Eagle Eastgate Evergreen "
    "Falcon Frontier Golden Granite Harbor Highland Horizon Ironwood Keystone Lakeside "
    "Landmark Liberty Lion Maple Meridian Millstone Northstar Oak Orion Pacific Phoenix "
    "Pinnacle Prime Redwood Ridge River Rock Sapphire Silver Summit Sun Sterling Tiger "
    "Trident Union United Valley Vanguard Vertex Victoria Westfield Zenith"
).split()
SECTION_WORDS = {
    "A": ["Farms", "Agro", "Growers", "Timber", "Fisheries"],
    "B": ["Mining", "Minerals", "Quarries", "Resources"],
    "C": [
        "Manufacturing",
        "Industries",
        "Works",
        "Fabrication",
        "Foods",
        "Plastics",
        "Textiles",
        "Engineering",
        "Metalworks",
        "Furniture",
    ],
    "D": ["Energy", "Power", "Solar"],
    "E": ["Water", "Recycling", "Waste Services", "Environmental"],
    "F": ["Construction", "Builders", "Contractors", "Civil Works", "Roofing", "Electrical"],
    "G": ["Trading", "Wholesale", "Stores", "Retail", "Motors", "Distributors", "Supplies"],
    "H": ["Logistics", "Transport", "Freight", "Couriers", "Shipping"],
    "I": ["Hotels", "Restaurants", "Catering", "Lodge", "Bistro", "Hospitality"],
    "J": ["Software", "Media", "Digital", "Telecom", "Publishing"],
    "K": ["Finance", "Insurance", "Capital", "Credit"],
    "L": ["Properties", "Real Estate", "Estates"],
    "M": ["Consulting", "Engineers", "Accountants", "Architects", "Advisory", "Labs"],
    "N": ["Staffing", "Security", "Facility Services", "Rentals", "Travel"],
    "O": ["Public Services"],
    "P": ["Academy", "Training Institute", "College"],
    "Q": ["Clinic", "Health Care", "Care Homes", "Medical"],
    "R": ["Entertainment", "Sports", "Studios"],
    "S": ["Services", "Repairs", "Salons"],
    "T": ["Household Services"],
    "U": ["Mission"],
}

REGIONS = [
    ("Northern Region", "NOR", ["Ashford", "Brookvale", "Northgate", "Pinewood"]),
    ("Eastern Region", "EAS", ["Eastport", "Marlow", "Sunhaven", "Redcliff"]),
    ("Southern Region", "SOU", ["Southbay", "Kingsmere", "Elmstead", "Harrowby"]),
    ("Western Region", "WES", ["Westbrook", "Oakridge", "Stonebridge", "Fairhill"]),
    ("Central Region", "CEN", ["Capital City", "Midvale", "Riverton", "Greenfield"]),
    ("Coastal Region", "COA", ["Port Marina", "Seacliff", "Bayside", "Saltmarsh"]),
]
# Share of companies per region (the capital region is the biggest).
REGION_WEIGHTS = [0.14, 0.13, 0.15, 0.12, 0.32, 0.14]
STREETS = [
    "Main Street",
    "Station Road",
    "Industrial Avenue",
    "Harbour Road",
    "Market Square",
    "Mill Lane",
    "Park Avenue",
    "Commerce Street",
    "Factory Road",
    "High Street",
    "Enterprise Way",
    "Riverside Drive",
    "Church Street",
    "Airport Road",
    "Business Park",
]

# Sectoral associations: (name, code, ISIC sections covered).
SECTORAL = [
    ("Manufacturers' Association", "MAN", ["C"]),
    ("Construction Industry Federation", "CON", ["F"]),
    ("Wholesale and Retail Trade Association", "TRA", ["G"]),
    ("Hospitality and Tourism Association", "HOS", ["I"]),
    ("Transport and Logistics Association", "LOG", ["H"]),
    ("Agriculture and Agribusiness Association", "AGR", ["A"]),
    ("Business Services Association", "SER", ["J", "K", "L", "M", "N"]),
    ("Energy, Mining and Utilities Association", "EMU", ["B", "D", "E"]),
]
# Districts that have their own local association (20 of 24).
LOCAL_DISTRICTS = 20

MANAGER_NAMES = [
    "Helen Achterberg",
    "Kwame Asante",
    "Ingrid Solberg",
    "Rafael Moreno",
    "Aylin Demir",
    "Sipho Dlamini",
    "Claire Fontaine",
    "Jonas Lindqvist",
    "Priya Raman",
    "Marek Novak",
]

# Context for bulk creation: no chatter messages, no tracking values.
BULK_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
    "mail_create_nosubscribe": True,
    "no_reset_password": True,
}


# Phases of create_chunk(), summed as "chunks" in the result.
CHUNK_PHASES = (
    "build_vals",
    "create_companies",
    "create_contacts",
    "create_memberships",
    "flush",
    "commit",
    "invalidate",
)


def weighted(rng, pairs):
    """Pick a key from [(key, weight), ...]."""
    keys = [key for key, _w in pairs]
    weights = [w for _key, w in pairs]
    return rng.choices(keys, weights=weights)[0]


def peak_rss_mb():
    # ru_maxrss is in kilobytes on Linux.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def current_rss_mb():
    """Resident memory now (peak_rss_mb is the high-water mark)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return peak_rss_mb()
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def installed(env, name):
    """Whether the module ``name`` is installed in the database of ``env``."""
    return bool(
        env["ir.module.module"].search_count([("name", "=", name), ("state", "=", "installed")])
    )


def table_lines(header, rows):
    """Lines of a plain-text table, columns padded to their widest cell."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(str(value).ljust(width) for value, width in zip(row, widths, strict=True))
        for row in [header, tuple("-" * w for w in widths), *rows]
    ]


def check_columns(cr, table, columns):
    """Refuse to bulk-load a table with a NOT NULL column this script does not fill
    (another addon may have added one)."""
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL",
        [table],
    )
    missing = sorted({name for (name,) in cr.fetchall()} - set(columns) - {"id"})
    if missing:
        raise SystemExit(f"{table} has NOT NULL columns the bench does not fill: {missing}")


def insert_rows(env, query, template, rows, page_size=5000, fetch=False):
    """One INSERT ... SELECT per page of rows, through psycopg2's execute_values.
    Returns the number of rows, or with ``fetch`` the rows of the query's RETURNING."""
    from psycopg2.extras import execute_values  # noqa: PLC0415

    returned = execute_values(
        env.cr._obj, query, rows, template=template, page_size=page_size, fetch=fetch
    )
    return returned if fetch else len(rows)


def cpu_seconds():
    """CPU time of this process (user + system): steadier than wall-clock time on a
    shared machine, and it leaves out the time PostgreSQL spends."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def sql_count():
    from odoo import sql_db  # noqa: PLC0415

    return sql_db.sql_counter


class Phases:
    """Wall-clock seconds, CPU seconds and SQL queries per named phase, accumulated
    over chunks."""

    def __init__(self):
        self.seconds = defaultdict(float)
        self.cpu = defaultdict(float)
        self.queries = defaultdict(int)

    @contextmanager
    def __call__(self, name):
        start, start_cpu, start_sql = time.perf_counter(), cpu_seconds(), sql_count()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start
            self.cpu[name] += cpu_seconds() - start_cpu
            self.queries[name] += sql_count() - start_sql

    def as_dict(self):
        return {name: round(value, 2) for name, value in self.seconds.items()}

    def figures(self, name, digits=3):
        """Wall-clock seconds, CPU seconds and queries of the phase ``name``."""
        return {
            "seconds": round(self.seconds[name], digits),
            "cpu_seconds": round(self.cpu[name], digits),
            "queries": self.queries[name],
        }


# ---------------------------------------------------------------------------
# Shared by the bench scripts: this one, dues.py, engagement.py, campaigns.py
# ---------------------------------------------------------------------------

# Below this many CPU seconds of ours, a CPU ratio says nothing: none is given.
MIN_CPU_FOR_RATIO = 0.05


class Say:
    """The output lines of a bench script: ``say(message)`` prints ``[prefix] message``
    at once."""

    def __init__(self, prefix):
        self.prefix = prefix

    def __call__(self, message):
        print(f"[{self.prefix}] {message}", flush=True)

    def figures(self, label, values):
        """One line ``label: name value, name value, ...`` of a dict."""
        self(f"{label}: " + ", ".join(f"{name} {value}" for name, value in values.items()))

    def table(self, header, rows):
        """A plain-text table, a line each (see table_lines)."""
        for line in table_lines(header, rows):
            self(line)


say = Say("bench")


class Progress:
    """A progress line of a long loop over companies: how many are done, and the
    wall-clock seconds, CPU seconds and queries since the progress was made, with the
    current RSS."""

    def __init__(self, say, label, total):
        self.say = say
        self.label = label
        self.total = total
        self.started, self.cpu, self.queries = time.perf_counter(), cpu_seconds(), sql_count()

    def __call__(self, done):
        self.say(
            f"{self.label}: {done:>6}/{self.total} companies  "
            f"{time.perf_counter() - self.started:6.1f}s  cpu {cpu_seconds() - self.cpu:6.1f}s  "
            f"{sql_count() - self.queries} queries  rss {current_rss_mb()} MB"
        )


def ratio(slow, fast):
    """``slow`` over ``fast`` to one decimal; None when either is zero or missing."""
    return round(slow / fast, 1) if slow and fast else None


def times(value):
    """A ratio in a table: ``12.5x``, or ``-`` without one."""
    return f"{value}x" if value else "-"


def figure_ratios(ours, theirs):
    """The other way's figures (as ``Phases.figures`` gives them) over ours: seconds and
    queries, and CPU seconds when ours spends at least MIN_CPU_FOR_RATIO of them."""
    result = {
        "seconds": ratio(theirs["seconds"], ours["seconds"]),
        "queries": ratio(theirs["queries"], ours["queries"]),
    }
    if ours["cpu_seconds"] >= MIN_CPU_FOR_RATIO:
        result["cpu_seconds"] = ratio(theirs["cpu_seconds"], ours["cpu_seconds"])
    return result


def count_rows(cr, queries):
    """``{name: count}`` from a ``SELECT count(...)`` query per name."""
    counts = {}
    for name, query in queries.items():
        cr.execute(query)
        counts[name] = cr.fetchone()[0]
    return counts


def access_token(rng):
    """A survey access token (a version 4 UUID) drawn from ``rng``: the same for the
    same seed."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def bench_parser(doc, database_help, database_required=True):
    """The argument parser of a bench script: the first paragraph of ``doc`` as its
    description, ``--config`` and ``--database``."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--config", "-c", required=True, help="Odoo configuration file")
    parser.add_argument("--database", "-d", required=database_required, help=database_help)
    return parser


def load_odoo(args, *options):
    """Import Odoo and read its configuration: ``--config``, ``--database`` when there
    is one, ``--log-level`` and the command-line ``options``. Returns the odoo package."""
    import odoo  # noqa: PLC0415 - the interpreter decides which Odoo this is

    odoo_args = ["-c", args.config, f"--log-level={args.log_level}"]
    if args.database:
        odoo_args += ["-d", args.database]
    odoo.tools.config.parse_config([*odoo_args, *options], setup_logging=True)
    return odoo


def check_modules(env, database, required=(), refused=()):
    """Refuse ``database`` when an addon of ``required`` is not installed or one of
    ``refused`` is: ``(name, how to make a database with it)`` and ``(name, why it
    must not be there)`` pairs."""
    for name, make in required:
        if not installed(env, name):
            raise SystemExit(f"{name} is not installed in {database}: make it with {make}")
    for name, why in refused:
        if installed(env, name):
            raise SystemExit(f"{name} is installed in {database}: {why}")


def ensure_module(
    database,
    phases,
    say,
    name,
    *,
    label=None,
    phase="install",
    made_with="generate.py --create-db",
    refused=(),
    report=True,
):
    """Install the addon ``name`` in the bench database ``database`` when it is not
    installed yet, as an administrator does from Apps: ``button_immediate_install``,
    after refreshing the Apps list when the database predates the addon; timed in
    ``phase``. Refuses a database without eboc_membership (``made_with`` says how to
    make one) or with an addon of ``refused`` (see check_modules). ``say`` announces
    the install of ``label`` (default: ``name``) and, with ``report``, its seconds.
    Returns the registry of the database, a new one after an install."""
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    registry = Registry(database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        check_modules(env, database, [(MODULE, made_with)], refused)
        if installed(env, name):
            return registry
        Module = env["ir.module.module"]
        module = Module.search([("name", "=", name)])
        if not module:
            # A database made before the addon existed: refresh the Apps list.
            Module.update_list()
            module = Module.search([("name", "=", name)])
        say(f"{database}: installing {label or name}")
        with phases(phase):
            module.button_immediate_install()
    if report:
        say(f"{label or name} installed in {phases.seconds[phase]:.1f}s")
    return Registry(database)


def run_totals(args, phases, started, odoo):
    """What every BENCH_RESULT ends with: the arguments (not the configuration file),
    per phase the seconds (with the total since ``started``), CPU seconds and
    queries, the peak RSS, the Odoo and Python versions and the CPUs."""
    return {
        "args": {name: value for name, value in vars(args).items() if name != "config"},
        "seconds": {"total": round(time.perf_counter() - started, 2), **phases.as_dict()},
        "cpu_seconds": {name: round(value, 2) for name, value in phases.cpu.items()},
        "queries": dict(phases.queries),
        "peak_rss_mb": peak_rss_mb(),
        "odoo": odoo.release.version,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }


def print_result(result):
    """The machine-readable last line: ``BENCH_RESULT {json}``."""
    print("BENCH_RESULT " + json.dumps(result, sort_keys=True, default=str), flush=True)


# ---------------------------------------------------------------------------
# Odoo setup
# ---------------------------------------------------------------------------


def modules_to_install(args):
    """The addons --create-db installs: eboc_membership and those of --modules."""
    return list(dict.fromkeys([MODULE, *args.modules]))


def start_odoo(args, phases):
    """Parse the Odoo config, create the database if asked, install the addons of
    --modules, return the registry."""
    options = []
    if args.create_db:
        # What `odoo-bin -d DB -i eboc_membership --without-demo=all` does.
        options = ["-i", ",".join(modules_to_install(args)), "--without-demo=all"]
    elif args.modules:
        # Installs those not installed yet, as `odoo-bin -d DB -i ...` does.
        options = ["-i", ",".join(args.modules), "--without-demo=all"]
    odoo = load_odoo(args, *options)
    from odoo.modules.registry import Registry  # noqa: PLC0415

    with phases("install"):
        if args.create_db:
            try:
                odoo.service.db._create_empty_database(args.database)
            except odoo.service.db.DatabaseExists:
                raise SystemExit(
                    f"Database {args.database} exists: drop it or leave out --create-db "
                    "to add companies to it."
                ) from None
            registry = Registry.new(args.database, update_module=True)
        elif args.modules:
            registry = Registry.new(args.database, update_module=True)
        else:
            registry = Registry(args.database)
        if args.create_db or args.modules:
            ensure_chart_of_accounts(registry)
    return odoo, registry


def ensure_chart_of_accounts(registry):
    """Give the main company a chart of accounts when ``account`` is installed.

    Installing ``account`` loads the chart of the company's country, or the generic
    one, when the registry is ready; this only covers a database where that did not
    happen, so that invoices can be posted (what a person does in the setup wizard).
    """
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if "account.chart.template" not in env or env.company.chart_template:
            return
        env["account.chart.template"].try_loading("generic_coa", env.company, install_demo=False)


# ---------------------------------------------------------------------------
# Reference data: users, regions, associations
# ---------------------------------------------------------------------------


class Reference:
    """Ids of the records every chunk draws from, read once."""

    def __init__(self, env, rng, country_code):
        self.env = env
        self.rng = rng
        ref = env.ref
        xmlid = f"{MODULE}.%s"
        self.membership_types = [
            (ref(xmlid % f"membership_type_{code}").id, weight) for code, weight in MEMBERSHIP_TYPES
        ]
        self.roles = {code: ref(xmlid % f"contact_role_{code}").id for code in ROLE_CODES}
        self.leaving_reasons = [
            (ref(xmlid % f"leaving_reason_{code}").id, weight) for code, weight in LEAVING_REASONS
        ]
        self.legal_forms = {
            size: [(ref(xmlid % f"legal_form_{code}").id, code, w) for code, w in forms]
            for size, forms in LEGAL_FORMS.items()
        }
        self.country = env["res.country"].search([("code", "=", country_code)], limit=1)
        self._load_sectors()

    def _load_sectors(self):
        industries = self.env["res.partner.industry"].search_read(
            [("code", "!=", False)], ["code", "parent_id"]
        )
        sections = {row["id"]: row["code"] for row in industries if not row["parent_id"]}
        self.section_ids = {code: id_ for id_, code in sections.items()}
        divisions = defaultdict(list)
        for row in industries:
            if row["parent_id"]:
                divisions[sections[row["parent_id"][0]]].append((row["id"], row["code"]))
        if not divisions:
            raise SystemExit("No ISIC divisions found: is eboc_membership installed?")
        # (industry id, section code) with its weight; sections without divisions
        # are used themselves.
        self.sectors = []
        weights = []
        for section, share in SECTION_WEIGHTS.items():
            members = divisions.get(section) or [(self.section_ids[section], section)]
            factors = [DIVISION_FACTORS.get(code, 1.0) for _id, code in members]
            total = sum(factors)
            for (industry_id, _code), factor in zip(members, factors, strict=True):
                self.sectors.append((industry_id, section))
                weights.append(share * factor / total)
        self.sector_weights = weights
        self.division_ids_by_section = {
            section: [id_ for id_, _c in members] for section, members in divisions.items()
        }

    def _sector_ids(self, sections):
        """The sections and all their divisions."""
        ids = [self.section_ids[section] for section in sections]
        for section in sections:
            ids += self.division_ids_by_section.get(section, [])
        return ids

    def ensure_users(self):
        """About ten internal users, the account managers (created once)."""
        Users = self.env["res.users"]
        logins = [f"bench.manager{i:02d}@example.com" for i in range(1, len(MANAGER_NAMES) + 1)]
        existing = Users.with_context(active_test=False).search([("login", "in", logins)])
        missing = set(logins) - set(existing.mapped("login"))
        officer = self.env.ref(f"{MODULE}.group_eboc_officer")
        manager = self.env.ref(f"{MODULE}.group_eboc_manager")
        vals_list = []
        for index, (login, name) in enumerate(zip(logins, MANAGER_NAMES, strict=True)):
            if login in missing:
                group = manager if index == 0 else officer
                vals_list.append(
                    {
                        "name": name,
                        "login": login,
                        "email": login,
                        "groups_id": [(4, group.id)],
                    }
                )
        users = existing | Users.create(vals_list)
        self.user_ids = users.ids
        return users

    def ensure_regions(self):
        """A country, six regions, four districts each."""
        Region = self.env["eboc.region"]
        root = Region.search([("code", "=", "BENCH")], limit=1)
        if not root:
            root = Region.create(
                {
                    "name": self.country.name or "Benchland",
                    "code": "BENCH",
                    "country_id": self.country.id,
                }
            )
            regions = Region.create(
                [{"name": name, "code": code, "parent_id": root.id} for name, code, _d in REGIONS]
            )
            Region.create(
                [
                    {"name": f"{town} District", "code": f"{code}-{i}", "parent_id": region.id}
                    for region, (_n, code, towns) in zip(regions, REGIONS, strict=True)
                    for i, town in enumerate(towns, start=1)
                ]
            )
        regions = Region.search([("parent_id", "=", root.id)], order="code")
        by_code = {region.code: region for region in regions}
        # [(region, [(district, town), ...])] in REGIONS order
        self.regions = []
        for _name, code, towns in REGIONS:
            region = by_code[code]
            districts = {d.code: d for d in region.child_ids}
            district_ids = [(districts[f"{code}-{i}"].id, town) for i, town in enumerate(towns, 1)]
            self.regions.append((region.id, district_ids))
        return root

    def ensure_associations(self):
        """The federation, 8 sectoral, 6 regional and 20 local associations."""
        Association = self.env["eboc.association"]
        federation = Association.search([("code", "=", "FED")], limit=1)
        if not federation:
            federation = Association.create(
                {
                    "name": "National Federation of Employers",
                    "code": "FED",
                    "association_type": "federation",
                    "manager_id": self.user_ids[0],
                }
            )
            Association.create(
                [
                    {
                        "name": name,
                        "code": code,
                        "association_type": "sectoral",
                        "parent_id": federation.id,
                        "manager_id": self.rng.choice(self.user_ids),
                        "industry_ids": [(6, 0, self._sector_ids(sections))],
                    }
                    for name, code, sections in SECTORAL
                ]
            )
            regional = Association.create(
                [
                    {
                        "name": f"{name.replace(' Region', '')} Employers' Association",
                        "code": f"REG-{code}",
                        "association_type": "regional",
                        "parent_id": federation.id,
                        "manager_id": self.rng.choice(self.user_ids),
                        "region_ids": [(6, 0, [region_id])],
                    }
                    for (name, code, _t), (region_id, _d) in zip(REGIONS, self.regions, strict=True)
                ]
            )
            local_vals = []
            for parent, (_region_id, districts) in zip(regional, self.regions, strict=True):
                for district_id, town in districts:
                    local_vals.append(
                        {
                            "name": f"{town} Chamber of Business",
                            "code": f"LOC-{len(local_vals) + 1:02d}",
                            "association_type": "local",
                            "parent_id": parent.id,
                            "region_ids": [(6, 0, [district_id])],
                        }
                    )
            # Four districts are too small for a chamber of their own.
            Association.create(local_vals[:LOCAL_DISTRICTS])
            self._associations_join_parents(federation)
        associations = Association.search([("id", "child_of", federation.id)])
        self.federation_id = federation.id
        self.sectoral_by_section = {}
        for association in associations.filtered(lambda a: a.association_type == "sectoral"):
            for section in association.industry_ids.filtered(lambda i: not i.parent_id):
                self.sectoral_by_section[section.code] = association.id
        self.regional_by_region = {
            association.region_ids[:1].id: association.id
            for association in associations.filtered(lambda a: a.association_type == "regional")
        }
        self.local_by_district = {
            association.region_ids[:1].id: association.id
            for association in associations.filtered(lambda a: a.association_type == "local")
        }
        return associations

    def _associations_join_parents(self, federation):
        """Each association is an active member of its parent."""
        associations = self.env["eboc.association"].search(
            [("id", "child_of", federation.id), ("parent_id", "!=", False)]
        )
        full = self.membership_types[0][0]
        self.env["eboc.membership"].create(
            [
                {
                    "partner_id": association.partner_id.id,
                    "association_id": association.parent_id.id,
                    "membership_type_id": full,
                    "state": "active",
                    "date_join": date(1995, 1, 1),
                    "date_start": date(1995, 1, 1),
                }
                for association in associations
            ]
        )
        for number, partner in enumerate(associations.partner_id, start=1):
            partner.member_number = f"A{number:04d}"


# ---------------------------------------------------------------------------
# One chunk of companies
# ---------------------------------------------------------------------------


class ChunkBuilder:
    """Builds the create() values of a chunk of companies, contacts and memberships."""

    def __init__(self, ref, rng, contacts_per_company, first_member_number, today):
        self.ref = ref
        self.rng = rng
        self.contacts_per_company = contacts_per_company
        self.next_member_number = first_member_number
        self.today = today
        self.names = set()
        self.district_weights = []
        self.districts = []
        for (region_id, districts), weight in zip(ref.regions, REGION_WEIGHTS, strict=True):
            for index, (district_id, town) in enumerate(districts):
                # The first district of a region holds its main town.
                share = weight * (0.4 if index == 0 else 0.2)
                self.districts.append((region_id, district_id, town))
                self.district_weights.append(share)

    # -- companies ---------------------------------------------------------

    def _company_name(self, section, legal_code, town):
        rng = self.rng
        for attempt in range(4):
            stem = rng.choice(NAME_STEMS)
            if attempt or rng.random() < 0.3:
                family = rng.choice(LAST_NAMES)
                stem = f"{stem} {family}" if attempt < 2 else f"{family} {stem}"
            name = " ".join(
                part
                for part in (stem, rng.choice(SECTION_WORDS[section]), LEGAL_SUFFIX[legal_code])
                if part
            )
            if attempt == 3:
                name = f"{name} ({town})"
            if name not in self.names:
                break
        else:
            name = f"{name} {len(self.names)}"
        self.names.add(name)
        return name

    def company_vals(self):
        rng = self.rng
        ref = self.ref
        industry_id, section = rng.choices(ref.sectors, weights=ref.sector_weights)[0]
        size = weighted(rng, [(code, share) for code, share, _r in SIZE_MIX])
        low, high = next(r for code, _s, r in SIZE_MIX if code == size)
        if size == "large":
            employees = min(high, int(low * rng.paretovariate(1.3)))
        else:
            # Smaller companies are more frequent inside each band too.
            employees = int(low + (high - low + 1) * rng.random() ** 1.8)
        legal_id, legal_code, _w = rng.choices(
            ref.legal_forms[size], weights=[w for _i, _c, w in ref.legal_forms[size]]
        )[0]
        per_employee = rng.lognormvariate(11.2, 0.5)  # ~ 75,000 turnover per employee
        turnover = round(employees * per_employee, -3)
        age = int(rng.expovariate(1 / (14 if size == "micro" else 28)))
        founding_year = max(1850, self.today.year - age)
        region_id, district_id, town = rng.choices(self.districts, weights=self.district_weights)[0]
        name = self._company_name(section, legal_code, town)
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:24]
        vals = {
            "name": name,
            "is_company": True,
            "industry_id": industry_id,
            "region_id": district_id,
            "employee_count": employees,
            "turnover": turnover,
            "legal_form_id": legal_id,
            "founding_year": founding_year,
            "street": f"{rng.randint(1, 250)} {rng.choice(STREETS)}",
            "city": town,
            "zip": f"{rng.randint(10000, 99999)}",
            "country_id": ref.country.id,
            "email": f"info@{slug}.example.com",
            "phone": f"+000 {rng.randint(200, 899)} {rng.randint(100000, 999999)}",
            "website": f"https://www.{slug}.example.com",
            "company_registry": f"CR-{rng.randint(10**7, 10**8 - 1)}",
        }
        if size != "micro" or rng.random() < 0.8:
            vals["account_manager_id"] = rng.choice(ref.user_ids)
        if rng.random() < 0.6:
            vals["vat"] = f"VAT{rng.randint(10**8, 10**9 - 1)}"
        meta = {
            "section": section,
            "region_id": region_id,
            "district_id": district_id,
            "size": size,
            "founding_year": founding_year,
            "slug": slug,
        }
        return vals, meta

    # -- contacts ----------------------------------------------------------

    def contact_vals(self, company_id, meta):
        rng = self.rng
        roles = self.ref.roles
        order = ROLE_CODES[:1] + rng.sample(ROLE_CODES[1:], len(ROLE_CODES) - 1)
        if meta["size"] == "micro":
            # In a micro company the owner also does finance and HR.
            first_roles = ["ceo", "fin", "hr"] if rng.random() < 0.5 else ["ceo"]
        else:
            first_roles = ["ceo"]
        remaining = [code for code in order if code not in first_roles]
        keyed = set()
        vals_list = []
        for index in range(self.contacts_per_company):
            if index == 0:
                held = first_roles
            elif remaining and rng.random() < 0.85:
                held = [remaining.pop(0)]
                if remaining and rng.random() < 0.15:
                    held.append(remaining.pop(0))
            else:
                held = []
            keys = [code for code in held if code not in keyed and rng.random() < 0.9]
            keyed.update(keys)
            first = rng.choice(FIRST_NAMES)
            last = rng.choice(LAST_NAMES)
            function = rng.choice(ROLE_FUNCTIONS[held[0]]) if held else rng.choice(OTHER_FUNCTIONS)
            vals = {
                "name": f"{first} {last}",
                "parent_id": company_id,
                "type": "contact",
                "function": function,
                "email": f"{first}.{last}{index}@{meta['slug']}.example.com".lower(),
                "mobile": f"+000 7{rng.randint(10, 99)} {rng.randint(100000, 999999)}",
            }
            if held:
                vals["contact_role_ids"] = [(6, 0, [roles[code] for code in held])]
            if keys:
                vals["key_role_ids"] = [(6, 0, [roles[code] for code in keys])]
            vals_list.append(vals)
        return vals_list

    # -- memberships -------------------------------------------------------

    def _dates(self, state, meta):
        rng = self.rng
        today = self.today
        earliest = date(max(meta["founding_year"], 1990), 1, 1)
        span = max(1, (today - earliest).days)
        if state in ("prospect", "applicant"):
            date_join = today - timedelta(days=rng.randint(0, min(span, 540)))
            return {"date_join": date_join}
        if state in ("lapsed", "resigned"):
            # Leave room for at least a year of membership before it ended.
            span = max(1, span - 400)
        date_join = earliest + timedelta(days=int(span * rng.random() ** 0.7))
        date_start = min(today, date_join + timedelta(days=rng.randint(0, 120)))
        vals = {"date_join": date_join, "date_start": date_start}
        if state in ("lapsed", "resigned"):
            length = max(0, (today - date_start).days)
            vals["date_end"] = date_start + timedelta(days=rng.randint(min(365, length), length))
        return vals

    def membership_vals(self, company_id, meta):
        """One membership, and a second one in another association for some."""
        rng = self.rng
        ref = self.ref
        sectoral = ref.sectoral_by_section.get(meta["section"])
        territorial = (
            ref.local_by_district.get(meta["district_id"])
            or ref.regional_by_region[meta["region_id"]]
        )
        if sectoral and rng.random() < 0.75:
            associations = [sectoral, territorial]
        elif sectoral:
            associations = [territorial, sectoral]
        else:
            associations = [territorial, ref.regional_by_region[meta["region_id"]]]
        count = 2 if rng.random() < 0.15 and associations[0] != associations[1] else 1
        vals_list = []
        for association_id in associations[:count]:
            state = weighted(rng, MEMBERSHIP_STATES)
            vals = {
                "partner_id": company_id,
                "association_id": association_id,
                "membership_type_id": weighted(rng, ref.membership_types),
                "state": state,
                **self._dates(state, meta),
            }
            if state == "resigned":
                vals["leaving_reason_id"] = weighted(rng, ref.leaving_reasons)
            elif state == "lapsed" and rng.random() < 0.5:
                vals["leaving_reason_id"] = weighted(rng, ref.leaving_reasons)
            vals_list.append(vals)
        return vals_list

    def take_member_number(self):
        number = f"B{self.next_member_number:07d}"
        self.next_member_number += 1
        return number


def create_chunk(env, builder, size, phases, counters, stock_sync=False):
    """Create ``size`` companies with their contacts and memberships.

    A new contact takes its company's address and commercial fields (VAT, registry,
    sector). ``res.partner.create`` copies them with two ``write`` calls per contact
    (``_fields_sync``); by default the generator puts the same values in the
    contacts' create values and skips that per-record sync, as Odoo's own importer
    does (``_load_records_create``). ``stock_sync`` keeps the per-record path.
    """
    Partner = env["res.partner"]
    synced_fields = [*Partner._address_fields(), *Partner._commercial_fields()]
    if stock_sync:
        ContactPartner = Partner
    else:
        ContactPartner = Partner.with_context(_partners_skip_fields_sync=True)
    with phases("build_vals"):
        company_vals = []
        metas = []
        for _i in range(size):
            vals, meta = builder.company_vals()
            company_vals.append(vals)
            metas.append(meta)
        # Memberships are drawn before the companies exist, so that member numbers
        # go into the company values; partner_id is filled in after the create.
        membership_drafts = [builder.membership_vals(None, meta) for meta in metas]
        for vals, drafts in zip(company_vals, membership_drafts, strict=True):
            if any(d["state"] in NUMBERED_STATES for d in drafts):
                vals["member_number"] = builder.take_member_number()
    with phases("create_companies"):
        companies = Partner.create(company_vals)
    with phases("build_vals"):
        contact_vals = []
        for company, vals, meta in zip(companies, company_vals, metas, strict=True):
            synced = {name: vals.get(name, False) for name in synced_fields}
            for contact in builder.contact_vals(company.id, meta):
                contact.update(synced)
                contact_vals.append(contact)
    with phases("create_contacts"):
        contacts = ContactPartner.create(contact_vals)
    with phases("build_vals"):
        membership_vals = []
        for company, drafts in zip(companies, membership_drafts, strict=True):
            for draft in drafts:
                draft["partner_id"] = company.id
                membership_vals.append(draft)
    with phases("create_memberships"):
        memberships = env["eboc.membership"].create(membership_vals)
    with phases("flush"):
        env.flush_all()
    with phases("commit"):
        env.cr.commit()
    counters["companies"] += len(companies)
    counters["contacts"] += len(contacts)
    counters["memberships"] += len(memberships)
    counters["key_contacts"] += sum(1 for vals in contact_vals if vals.get("key_role_ids"))
    with phases("invalidate"):
        env.invalidate_all()


# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------


def summarize(env):
    """Counts per model and state, read with grouped queries."""
    Partner = env["res.partner"].with_context(active_test=False)
    Membership = env["eboc.membership"]
    summary = {}
    summary["res.partner"] = {
        ("companies" if is_company else "persons"): count
        for is_company, count in Partner._read_group([], ["is_company"], ["__count"])
    }
    # The status is computed per reader (not stored): count it state by state.
    summary["res.partner member_state"] = {
        state: count
        for state, _label in Partner._fields["member_state"].selection
        if (
            count := Partner.search_count([("is_company", "=", True), ("member_state", "=", state)])
        )
    }
    summary["res.partner size_class"] = {
        size.code or "none": count
        for size, count in Partner._read_group(
            [("is_company", "=", True)], ["size_class_id"], ["__count"]
        )
    }
    summary["res.partner key contacts"] = Partner.search_count([("key_role_ids", "!=", False)])
    summary["res.partner with member_number"] = Partner.search_count(
        [("member_number", "!=", False)]
    )
    summary["eboc.membership state"] = dict(Membership._read_group([], ["state"], ["__count"]))
    per_type = Counter()
    for association, count in Membership._read_group([], ["association_id"], ["__count"]):
        per_type[association.association_type] += count
    summary["eboc.membership association_type"] = dict(per_type)
    companies_with = Counter(
        count for _partner, count in Membership._read_group([], ["partner_id"], ["__count"])
    )
    summary["companies by membership count"] = {
        str(memberships): count for memberships, count in sorted(companies_with.items())
    }
    summary["eboc.association"] = dict(
        env["eboc.association"]._read_group([], ["association_type"], ["__count"])
    )
    summary["eboc.region"] = env["eboc.region"].search_count([])
    summary["res.users (internal)"] = env["res.users"].search_count([("share", "=", False)])
    return summary


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def parse_args(argv=None):
    parser = bench_parser(__doc__, "database name")
    parser.add_argument("--companies", type=int, default=5000, help="companies to create")
    parser.add_argument("--contacts-per-company", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--chunk-size", type=int, default=2000, help="companies per commit")
    parser.add_argument(
        "--create-db",
        action="store_true",
        help="create the database and install eboc_membership without demo data",
    )
    parser.add_argument(
        "--modules",
        default="",
        metavar="ADDONS",
        help="comma-separated addons to install as well (with --create-db, or into an "
        "existing database), e.g. eboc_dues; a chart of accounts comes with account",
    )
    parser.add_argument(
        "--stock-partner-sync",
        action="store_true",
        help="let res.partner.create sync address and commercial fields to each new "
        "contact one by one (Odoo's interactive path) instead of passing them in the "
        "create values",
    )
    parser.add_argument("--country", default="BE", help="ISO code of the members' country")
    parser.add_argument("--log-level", default="warn", help="Odoo log level (default warn)")
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="write a cProfile of the data generation (not the install) to FILE",
    )
    args = parser.parse_args(argv)
    args.modules = [name.strip() for name in args.modules.split(",") if name.strip()]
    if args.companies < 0 or args.contacts_per_company < 0 or args.chunk_size < 1:
        parser.error("counts must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    phases = Phases()
    started = time.perf_counter()
    odoo, registry = start_odoo(args, phases)
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    rng = random.Random(args.seed)
    counters = Counter()
    profiler = cProfile.Profile() if args.profile else None
    fill_started = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, BULK_CONTEXT)
        if not installed(env, MODULE):
            raise SystemExit(f"{MODULE} is not installed in {args.database}; use --create-db")
        missing = set(args.modules) - set(
            env["ir.module.module"]
            .search([("name", "in", args.modules), ("state", "=", "installed")])
            .mapped("name")
        )
        if missing:
            raise SystemExit(f"Not installed in {args.database}: {', '.join(sorted(missing))}")
        with phases("reference_data"):
            ref = Reference(env, rng, args.country)
            ref.ensure_users()
            ref.ensure_regions()
            ref.ensure_associations()
            env.cr.commit()
        # One read to continue numbering after an earlier run.
        last = env["res.partner"].search_read(
            [("member_number", "=like", "B%")],
            ["member_number"],
            order="member_number desc",
            limit=1,
        )
        first_number = int(last[0]["member_number"][1:]) + 1 if last else 1
        builder = ChunkBuilder(ref, rng, args.contacts_per_company, first_number, date.today())
        env.invalidate_all()
        say(
            f"{args.database}: creating {args.companies} companies x "
            f"{args.contacts_per_company} contacts in chunks of {args.chunk_size}"
        )
        chunks_started = time.perf_counter()
        done = 0
        chunk_log = []  # [companies done, wall seconds, cpu seconds] per chunk
        if profiler:
            profiler.enable()
        while done < args.companies:
            size = min(args.chunk_size, args.companies - done)
            chunk_started, chunk_cpu_started = time.perf_counter(), cpu_seconds()
            create_chunk(env, builder, size, phases, counters, args.stock_partner_sync)
            done += size
            now = time.perf_counter()
            chunk_log.append(
                [done, round(now - chunk_started, 2), round(cpu_seconds() - chunk_cpu_started, 2)]
            )
            say(
                f"{done:>7}/{args.companies} companies  "
                f"chunk {now - chunk_started:6.1f}s ({size / (now - chunk_started):6.1f}/s, "
                f"cpu {cpu_seconds() - chunk_cpu_started:5.1f}s)  "
                f"overall {done / (now - chunks_started):6.1f}/s  rss {peak_rss_mb()} MB"
            )
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        with phases("summary"):
            summary = summarize(env)
    fill_seconds = time.perf_counter() - fill_started
    total = time.perf_counter() - started
    chunk_seconds = sum(phases.seconds[name] for name in CHUNK_PHASES)
    chunk_cpu = sum(phases.cpu[name] for name in CHUNK_PHASES)
    chunk_queries = sum(phases.queries[name] for name in CHUNK_PHASES)
    result = {
        "database": args.database,
        "companies": args.companies,
        "contacts_per_company": args.contacts_per_company,
        "chunk_size": args.chunk_size,
        "seed": args.seed,
        "partner_sync": "stock" if args.stock_partner_sync else "in_create_values",
        "modules": modules_to_install(args),
        "created": dict(counters),
        "rows_created": counters["companies"] + counters["contacts"] + counters["memberships"],
        "summary": summary,
        "seconds": {
            "total": round(total, 2),
            "fill": round(fill_seconds, 2),
            "chunks": round(chunk_seconds, 2),
            **phases.as_dict(),
        },
        "cpu_seconds": {
            "chunks": round(chunk_cpu, 2),
            **{name: round(value, 2) for name, value in phases.cpu.items()},
        },
        "queries": {"chunks": chunk_queries, **phases.queries},
        "chunk_log": chunk_log,
        "queries_per_company": round(chunk_queries / args.companies, 2) if args.companies else None,
        "companies_per_second": round(args.companies / chunk_seconds, 1) if chunk_seconds else None,
        "peak_rss_mb": peak_rss_mb(),
        "odoo": odoo.release.version,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    say("summary:")
    for key, value in summary.items():
        say(f"  {key}: {value}")
    say.figures("seconds", result["seconds"])
    say.figures("cpu seconds", result["cpu_seconds"])
    say.figures("queries", result["queries"])
    say(f"peak RSS {result['peak_rss_mb']} MB")
    print_result(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
