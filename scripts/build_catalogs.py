#!/usr/bin/env python3
"""Build AICarbon's bundled catalogs from source data.

Inputs:
  data/hardware.csv                 accelerator datasheet table kept in this repository
  ../shared/data/codecarbon/        CodeCarbon 3.3.2 data files (MIT licence)
  ../shared/data/mlco2-impact/      ML CO2 Impact calculator data (MIT licence)
Outputs:
  Sources/AICarbon/Resources/hardware.json
  Sources/AICarbon/Resources/grids.json

Run from the repository root: python3 scripts/build_catalogs.py [--shared PATH]
Needs pycountry (pip install pycountry) for ISO-3 -> ISO-2 codes. The package never reads
../shared at run time: only the JSON written here ships.
"""
import argparse
import csv
import json
import os
import sys

import pycountry

LB_TO_KG = 0.45359237  # exact, by definition of the international pound

# IPCC AR5 WGIII Annex III, Table A.III.2: lifecycle g CO2e/kWh (min, median, max).
IPCC_AR5 = {
    "coal": (740, 820, 910),
    "gas": (410, 490, 650),
    "biomass": (130, 230, 420),
    "geothermal": (6, 38, 79),
    "hydro": (1, 24, 2200),
    "nuclear": (3.7, 12, 110),
    "solar": (18, 48, 180),
    "wind": (7, 11, 56),
}
# Oil-fired generation is not in Table A.III.2; CodeCarbon's petroleum factor (816 g/kWh) is used.
PETROLEUM_G = 816

CANADA_CODES = {
    "british columbia": "BC", "newfoundland and labrador": "NL", "saskatchewan": "SK",
    "prince edward island": "PE", "ontario": "ON", "nova scotia": "NS", "quebec": "QC",
    "alberta": "AB", "manitoba": "MB", "northwest territories": "NT", "new brunswick": "NB",
    "nunavut": "NU", "yukon": "YT",
}


def load_hardware(path):
    rows = [line for line in open(path, encoding="utf-8") if not line.startswith("#")]
    out = []
    for r in csv.DictReader(rows):
        def num(key):
            return float(r[key]) if r[key].strip() else None
        out.append({
            "id": r["id"],
            "name": r["name"],
            "aliases": [a for a in r["aliases"].split("|") if a],
            "vendor": r["vendor"],
            "tdp_w": num("tdp_w"),
            "peak_flops_per_s": num("peak_tflops") * 1e12,
            "memory_gb": num("memory_gb"),
            "release_year": int(r["year"]),
            "measured_power_w": num("measured_w"),
            "embodied_kg": num("embodied_kg"),
            "source": r["source"],
        })
    return out


def grid(id_, name, kind, g_per_kwh, year, source, aliases=()):
    return {
        "id": id_, "name": name, "kind": kind, "aliases": sorted(set(a for a in aliases if a and a != id_)),
        "intensity_kg_per_kwh": round(g_per_kwh / 1000.0, 6), "year": year, "source": source,
    }


def countries(cc):
    mix = json.load(open(os.path.join(cc, "global_energy_mix.json"), encoding="utf-8"))
    out = []
    world_num = world_den = 0.0
    for iso3, row in sorted(mix.items()):
        aliases = [row["country_name"]]
        c = pycountry.countries.get(alpha_3=iso3)
        if c is not None:
            aliases += [c.alpha_2, c.name] + [getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        out.append(grid(iso3, row["country_name"], "country", row["carbon_intensity"], row["year"],
                        "Our World in Data / Ember via CodeCarbon 3.3.2 global_energy_mix.json", aliases))
        world_num += row["carbon_intensity"] * row["total_TWh"]
        world_den += row["total_TWh"]
    out.append(grid("WORLD", "World (generation-weighted mean of the 213 countries)", "world",
                    world_num / world_den, 2023,
                    "Generation-weighted mean of the country intensities above (Our World in Data / Ember, 2022-2023)",
                    ["World", "global", "Earth"]))
    return out


def us_states(cc):
    data = json.load(open(os.path.join(cc, "usa_emissions.json"), encoding="utf-8"))
    out = []
    for name, row in sorted(data.items()):
        if name.startswith("_") or name == "usa":
            continue
        code = "US-" + row["regionCode"]
        g = row["emissions"] * LB_TO_KG  # lb/MWh -> kg/MWh = g/kWh
        out.append(grid(code, name.title(), "us-state", g, 2023,
                        "EPA eGRID2023 state total output emission rate (STC2ERTA), via CodeCarbon 3.3.2",
                        [name, name.title(), row["regionCode"] + "-US"]))
    return out


def canada(cc):
    data = json.load(open(os.path.join(cc, "canada_energy_mix.json"), encoding="utf-8"))
    factor = {"coal": IPCC_AR5["coal"][1], "naturalGas": IPCC_AR5["gas"][1], "biomass": IPCC_AR5["biomass"][1],
              "hydro": IPCC_AR5["hydro"][1], "nuclear": IPCC_AR5["nuclear"][1], "solar": IPCC_AR5["solar"][1],
              "wind": IPCC_AR5["wind"][1], "tidal": IPCC_AR5["wind"][1], "petroleum": PETROLEUM_G,
              "other": IPCC_AR5["gas"][1]}
    out = []
    for name, mix in sorted(data.items()):
        total = sum(v for k, v in mix.items() if k != "total")
        g = sum(factor[k] * v for k, v in mix.items() if k != "total") / total
        code = "CA-" + CANADA_CODES[name]
        out.append(grid(code, name.title(), "ca-province", g, 2022,
                        "Generation mix (CodeCarbon 3.3.2 canada_energy_mix.json) x IPCC AR5 median lifecycle factors "
                        "(oil: 816 g/kWh; tidal as onshore wind; other as gas)", [name, name.title()]))
    return out


def cloud(cc, ml):
    out = []
    seen = set()
    with open(os.path.join(cc, "impact.csv"), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            id_ = f"{r['provider']}:{r['region']}"
            seen.add(id_)
            out.append(grid(id_, f"Google Cloud {r['region']} ({r['city']}, {r['country_name']})", "cloud-region",
                            float(r["impact"]), 2023, "Google Cloud region carbon data, via CodeCarbon 3.3.2 impact.csv",
                            [r["region"]]))
    with open(os.path.join(ml, "impact.csv"), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if not r["region"]:
                continue
            id_ = f"{r['provider']}:{r['region']}"
            if id_ in seen or float(r["impact"]) == 0.0:
                # A zero is a market-based claim (100% carbon-free contracts), not a location-based intensity.
                continue
            seen.add(id_)
            label = r["regionName"] or r["city"]
            out.append(grid(id_, f"{r['providerName']} {r['region']} ({label}, {r['country']})", "cloud-region",
                            float(r["impact"]), 2021,
                            f"ML CO2 Impact calculator (Lacoste et al. 2019) impact.csv; underlying: {r['source']}",
                            [f"{r['provider']} {r['region']}"]))
    return out


def write_atomically(path, document):
    """Writes JSON to a temporary file beside `path`, then renames it: the file is complete or untouched."""
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, ensure_ascii=False)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--shared", default=os.path.join("..", "shared", "data"))
    args = p.parse_args()
    cc = os.path.join(args.shared, "codecarbon")
    ml = os.path.join(args.shared, "mlco2-impact")
    res = os.path.join("Sources", "AICarbon", "Resources")
    hardware = load_hardware(os.path.join("data", "hardware.csv"))
    grids = countries(cc) + us_states(cc) + canada(cc) + cloud(cc, ml)
    ipcc = [{"source": k, "min_g_per_kwh": v[0], "median_g_per_kwh": v[1], "max_g_per_kwh": v[2]}
            for k, v in IPCC_AR5.items()]
    write_atomically(os.path.join(res, "hardware.json"), {"hardware": hardware})
    write_atomically(os.path.join(res, "grids.json"), {"grids": grids, "ipcc_ar5_lifecycle": ipcc})
    print(f"wrote {len(hardware)} accelerators and {len(grids)} grids", file=sys.stderr)


if __name__ == "__main__":
    main()
