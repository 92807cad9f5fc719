#!/usr/bin/env python3
"""Build AICarbon's catalogs from source data and embed them in the package as Swift source.

Inputs:
  data/hardware.csv                 accelerator datasheet table kept in this repository
  data/cloud_regions.csv            provider region -> location grid, and provider PUE (this repository)
  ../shared/data/codecarbon/        CodeCarbon 3.3.2 data files (MIT licence)
  ../shared/data/mlco2-impact/      ML CO2 Impact calculator data (MIT licence)
  ../shared/data/ecologits/         EcoLogits 0.11.3 electricity mixes (MPL-2.0): cross-check and water
Output:
  Sources/AICarbon/Catalog/EmbeddedCatalogs.swift   the two JSON documents as string literals, with the
                                                    data versions; compiled into the binary, so an
                                                    installed `aicarbon` needs no resource files.

Run from the repository root: python3 scripts/build_catalogs.py [--shared PATH] [--check]
Needs pycountry (pip install pycountry) for ISO-3 -> ISO-2 codes. The package never reads
../shared at run time: only the generated Swift file ships.

Grid spread (README, "Grid uncertainty"): ln(gsd)^2 = s_mix^2 + s_year^2 + s_data^2 with
  s_mix  = sqrt(sum_i (w_i * s_i)^2), w_i = p_i m_i / sum_j p_j m_j (share of emissions of source i at IPCC
           AR5 medians m_i, generation shares p_i), s_i = ln(max_i / min_i) / (2 * 2.3263) (the AR5 min-max
           range read as the 1st-99th percentile of a lognormal);
  s_year = sqrt(0.03^2 + ln(1 + dT (mT - mW) / I)^2): a dry, still year with weather-dependent output
           (hydro, wind, solar; share W, mean factor mW) 10% lower, made up by the grid's own fossil fleet
           (share T, mean factor mT; gas if it has none) up to half its output again: dT = min(0.1 W, 0.5 T);
           I = sum p_i m_i; 0.03 for demand and fuel-price variation;
  s_data = |ln(a / b)| / sqrt(2) for two datasets a, b of the same grid (CodeCarbon/OWID vs EcoLogits), else
           the median of that term over the countries that have both.
The Swift type GridSpread implements the same formula; CatalogTests checks both against hand-worked mixes.
"""
import argparse
import csv
import hashlib
import json
import math
import os
import statistics
import sys

import pycountry

CATALOG_VERSION = "2.0.0"
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
# Oil-fired generation is not in Table A.III.2; CodeCarbon's petroleum factor (816 g/kWh) is used as its median,
# with the relative range of gas.
PETROLEUM_G = 816
Z99 = 2.3263478740  # standard normal 99th percentile
WEATHER = ("hydro", "wind", "solar")
FOSSIL = ("coal", "gas", "oil")
DRY_YEAR_DROP = 0.10
FOSSIL_HEADROOM = 0.5
OTHER_YEAR_SIGMA = 0.03

CANADA_CODES = {
    "british columbia": "BC", "newfoundland and labrador": "NL", "saskatchewan": "SK",
    "prince edward island": "PE", "ontario": "ON", "nova scotia": "NS", "quebec": "QC",
    "alberta": "AB", "manitoba": "MB", "northwest territories": "NT", "new brunswick": "NB",
    "nunavut": "NU", "yukon": "YT",
}

BASIS = {
    "owid": {"emissions": "lifecycle", "method": "location-based", "scope": "production"},
    "egrid": {"emissions": "direct combustion", "method": "location-based", "scope": "production"},
    "mix": {"emissions": "lifecycle", "method": "location-based", "scope": "production"},
    "mee": {"emissions": "direct combustion", "method": "location-based", "scope": "consumption"},
    # Google: "average operational gross emissions per unit of energy from the grid" (GoogleCloudPlatform/region-carbon-info).
    "google": {"emissions": "direct combustion", "method": "location-based", "scope": "not stated"},
}


def factor(source):
    """(min, median, max) g/kWh of a generation source; oil takes gas's relative range around 816."""
    if source == "oil":
        lo, med, hi = IPCC_AR5["gas"]
        return (PETROLEUM_G * lo / med, PETROLEUM_G, PETROLEUM_G * hi / med)
    return IPCC_AR5[source]


def source_sigma(source):
    lo, _, hi = factor(source)
    return math.log(hi / lo) / (2 * Z99)


def mix_sigma(mix):
    """s_mix of a generation mix {source: share}."""
    emissions = {s: p * factor(s)[1] for s, p in mix.items() if p > 0}
    total = sum(emissions.values())
    return math.sqrt(sum((e / total * source_sigma(s)) ** 2 for s, e in emissions.items()))


def year_sigma(mix):
    """s_year of a generation mix {source: share} (shares summing to 1)."""
    med = {s: factor(s)[1] for s in mix}
    intensity = sum(p * med[s] for s, p in mix.items())
    weather = sum(mix.get(s, 0) for s in WEATHER)
    fossil = sum(mix.get(s, 0) for s in FOSSIL)
    if weather <= 0:
        return OTHER_YEAR_SIGMA
    m_weather = sum(mix.get(s, 0) * med.get(s, 0) for s in WEATHER) / weather
    m_fossil = (sum(mix.get(s, 0) * med.get(s, 0) for s in FOSSIL) / fossil) if fossil > 0 else IPCC_AR5["gas"][1]
    replaced = min(DRY_YEAR_DROP * weather, FOSSIL_HEADROOM * fossil)
    shift = math.log1p(replaced * (m_fossil - m_weather) / intensity)
    return math.hypot(OTHER_YEAR_SIGMA, shift)


def spread(mix, data_sigma):
    """The spread components and gsd of a grid; mix None where the generation mix is unknown."""
    if mix is None:
        s_mix, s_year = None, None
        total = data_sigma
    else:
        s_mix, s_year = mix_sigma(mix), year_sigma(mix)
        total = math.sqrt(s_mix ** 2 + s_year ** 2 + data_sigma ** 2)
    components = {"dataset_sigma": round(data_sigma, 6)}
    if s_mix is not None:
        components["mix_sigma"] = round(s_mix, 6)
        components["year_sigma"] = round(s_year, 6)
    return round(math.exp(total), 6), components


# Embodied emissions per accelerator (README, "Embodied emissions per accelerator"). Anchor: Luccioni et al. 2022
# (BLOOM, A100 80GB): 150 kg CO2e per GPU + 2,500 kg per 8-GPU server / 8 = 462.5 kg, spread p05 250 to p95 850 kg
# (a factor ~2 either way, Gupta et al. 2021): ln gsd = ln(850 / 250) / (2 x 1.6449) = 0.37196. Other accelerators
# scale the GPU part by memory (HBM dominates) and power (a proxy for die and package size), half each, and keep the
# server share; the proxy adds 0.25 to ln gsd in quadrature, or 0.35 where no power figure is published.
EMBODIED_GPU_KG = 150.0
EMBODIED_SERVER_SHARE_KG = 2500.0 / 8
EMBODIED_ANCHOR_MEMORY_GB = 80.0
EMBODIED_ANCHOR_POWER_W = 400.0
EMBODIED_ANCHOR_SIGMA = math.log(850 / 250) / (2 * 1.6448536270)
EMBODIED_PROXY_SIGMA = 0.25
EMBODIED_NO_POWER_SIGMA = 0.35


def embodied(item):
    """(kg, gsd, source) of an accelerator row without a published figure."""
    memory = item.get("memory_gb") or EMBODIED_ANCHOR_MEMORY_GB
    power = item.get("tdp_w") or item.get("vendor_mean_power_w")
    power_note = f"{power:g} W" if power else f"{EMBODIED_ANCHOR_POWER_W:g} W (no power published)"
    scale = 0.5 * memory / EMBODIED_ANCHOR_MEMORY_GB + 0.5 * (power or EMBODIED_ANCHOR_POWER_W) / EMBODIED_ANCHOR_POWER_W
    kg = EMBODIED_SERVER_SHARE_KG + EMBODIED_GPU_KG * scale
    if item["id"] == "a100-sxm-80gb":
        sigma = EMBODIED_ANCHOR_SIGMA
        source = ("Luccioni et al. 2022 (BLOOM, A100 80GB): 150 kg per GPU + 2,500 kg per 8-GPU server / 8 = 462.5 kg; "
                  "p05-p95 250-850 kg (factor ~2, Gupta et al. 2021)")
    else:
        sigma = math.hypot(EMBODIED_ANCHOR_SIGMA, EMBODIED_PROXY_SIGMA if power else EMBODIED_NO_POWER_SIGMA)
        source = (f"Proxy (no published per-accelerator figure): Luccioni et al. 2022 A100 80GB anchor, 312.5 kg server share + "
                  f"150 kg x (0.5 x {memory:g} GB / 80 GB + 0.5 x {power_note} / 400 W) = {kg:.1f} kg; spread: anchor gsd 1.45 "
                  f"with {'0.25' if power else '0.35'} proxy error in log space")
    return round(kg, 1), round(math.exp(sigma), 4), source


def load_hardware(path):
    rows = [line for line in open(path, encoding="utf-8") if not line.startswith("#")]
    out = []
    for r in csv.DictReader(rows):
        def num(key):
            return float(r[key]) if r[key].strip() else None
        item = {
            "id": r["id"],
            "name": r["name"],
            "aliases": [a for a in r["aliases"].split("|") if a],
            "vendor": r["vendor"],
            "tdp_w": num("tdp_w"),
            "peak_flops_per_s": num("peak_tflops") * 1e12,
            "memory_gb": num("memory_gb"),
            "memory_bandwidth_gb_per_s": num("bandwidth_gb_s"),
            "release_year": int(r["year"]),
            "measured_power_w": num("measured_w"),
            "vendor_mean_power_w": num("vendor_mean_w"),
            "embodied_kg": num("embodied_kg"),
            "embodied_gsd": num("embodied_gsd"),
            "embodied_source": r["embodied_source"] or None,
            "source": r["source"],
        }
        if item["embodied_kg"] is None:
            item["embodied_kg"], item["embodied_gsd"], item["embodied_source"] = embodied(item)
        out.append({k: v for k, v in item.items() if v is not None})
    return out


def grid(id_, name, kind, g_per_kwh, year, source, basis, aliases=(), mix=None, data_sigma=None):
    row = {
        "id": id_, "name": name, "kind": kind, "aliases": sorted(set(a for a in aliases if a and a != id_)),
        "intensity_kg_per_kwh": round(g_per_kwh / 1000.0, 6), "year": year, "source": source, "basis": dict(BASIS[basis]),
    }
    if mix is not None:
        row["generation_mix"] = {s: round(p, 6) for s, p in sorted(mix.items()) if p > 0}
    row["_mix"] = mix
    row["_data_sigma"] = data_sigma
    return row


COUNTRY_SOURCES = {
    "biofuel_TWh": "biomass", "coal_TWh": "coal", "gas_TWh": "gas", "hydroelectricity_TWh": "hydro",
    "nuclear_TWh": "nuclear", "oil_TWh": "oil", "other_renewable_exc_biofuel_TWh": "geothermal",
    "solar_TWh": "solar", "wind_TWh": "wind",
}


def country_mix(row):
    total = sum(row[k] for k in COUNTRY_SOURCES)
    if total <= 0:
        return None
    mix = {}
    for key, source in COUNTRY_SOURCES.items():
        mix[source] = mix.get(source, 0) + row[key] / total
    return mix


def countries(cc, eco):
    mix_file = json.load(open(os.path.join(cc, "global_energy_mix.json"), encoding="utf-8"))
    out = []
    world_num = world_den = 0.0
    for iso3, row in sorted(mix_file.items()):
        aliases = [row["country_name"]]
        c = pycountry.countries.get(alpha_3=iso3)
        if c is not None:
            aliases += [c.alpha_2, c.name] + [getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        g = grid(iso3, row["country_name"], "country", row["carbon_intensity"], row["year"],
                 "Our World in Data / Ember via CodeCarbon 3.3.2 global_energy_mix.json", "owid", aliases,
                 mix=country_mix(row))
        other = eco.get(iso3)
        if other is not None and other["gwp"] > 0 and row["carbon_intensity"] > 0:
            g["_data_sigma"] = abs(math.log(row["carbon_intensity"] / (other["gwp"] * 1000))) / math.sqrt(2)
            g["cross_check"] = {"intensity_kg_per_kwh": round(other["gwp"], 6),
                                "source": "EcoLogits 0.11.3 electricity_mixes.json (ADEME Base IMPACTS), lifecycle; year not stated"}
        out.append(g)
        world_num += row["carbon_intensity"] * row["total_TWh"]
        world_den += row["total_TWh"]
    world = grid("WORLD", "World (generation-weighted mean of the 213 countries)", "world",
                 world_num / world_den, 2023,
                 "Generation-weighted mean of the country intensities above (Our World in Data / Ember, 2022-2023)", "owid",
                 ["World", "global", "Earth"])
    total_mix = {}
    for iso3, row in mix_file.items():
        for key, source in COUNTRY_SOURCES.items():
            total_mix[source] = total_mix.get(source, 0) + row[key]
    denominator = sum(total_mix.values())
    world["_mix"] = {s: v / denominator for s, v in total_mix.items()}
    world["generation_mix"] = {s: round(p, 6) for s, p in sorted(world["_mix"].items()) if p > 0}
    if "WOR" in eco:
        world["_data_sigma"] = abs(math.log(world["intensity_kg_per_kwh"] / eco["WOR"]["gwp"])) / math.sqrt(2)
        world["cross_check"] = {"intensity_kg_per_kwh": round(eco["WOR"]["gwp"], 6),
                                "source": "EcoLogits 0.11.3 electricity_mixes.json, world (WOR)"}
    out.append(world)
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
                        "EPA eGRID2023 state total output emission rate (STC2ERTA), via CodeCarbon 3.3.2", "egrid",
                        [name, name.title(), row["regionCode"] + "-US"]))
    return out


def canada(cc):
    data = json.load(open(os.path.join(cc, "canada_energy_mix.json"), encoding="utf-8"))
    rename = {"naturalGas": "gas", "petroleum": "oil", "tidal": "wind", "other": "gas"}
    out = []
    for name, raw in sorted(data.items()):
        mix = {}
        for key, value in raw.items():
            if key == "total":
                continue
            source = rename.get(key, key)
            mix[source] = mix.get(source, 0) + value
        total = sum(mix.values())
        mix = {s: v / total for s, v in mix.items()}
        g = sum(p * factor(s)[1] for s, p in mix.items())
        code = "CA-" + CANADA_CODES[name]
        out.append(grid(code, name.title(), "ca-province", g, 2022,
                        "Generation mix (CodeCarbon 3.3.2 canada_energy_mix.json) x IPCC AR5 median lifecycle factors "
                        "(oil: 816 g/kWh; tidal as onshore wind; other as gas)", "mix", [name, name.title()], mix=mix))
    return out


NORDIC_COUNTRY = {"SE": ("SWE", "Sweden"), "NO": ("NOR", "Norway"), "FI": ("FIN", "Finland")}


def nordic(cc):
    data = json.load(open(os.path.join(cc, "nordic_emissions.json"), encoding="utf-8"))
    out = []
    for zone, row in data["data"].items():
        if zone == "FI":
            continue  # the country row FIN covers Finland (one bidding zone); the file keeps a prior value.
        iso3, country = NORDIC_COUNTRY[zone[:2]]
        note = f" Coverage {row['coverage']}." if "coverage" in row else ""
        out.append(grid(zone, row["description"], "nordic-zone", row["emission_factor"], row["year"],
                        "ENTSO-E Transparency actual generation per production type (A75), full year 2025, x CodeCarbon "
                        "per-source lifecycle factors, via CodeCarbon nordic_emissions.json (Khepri v1.3, "
                        f"doi:10.5281/zenodo.22285397).{note}", "mix",
                        [f"{country} {zone}", f"{zone[:2]}-{zone[2:]}", f"{iso3}-{zone}"]))
        out[-1]["_country"] = iso3
    return out


def china(cc):
    data = json.load(open(os.path.join(cc, "china_provincial_emissions.json"), encoding="utf-8"))
    meta = data["metadata"]
    out = []
    for code, row in data["data"].items():
        out.append(grid(code, row["description"] + " (China)", "cn-province", row["emission_factor"], row["year"],
                        f"China MEE/NBS Announcement {meta['announcement']} (published {meta['published']}), Table 3: "
                        "provincial average electricity CO2 emission factor 2023 (CO2 only, inter-provincial transfers "
                        f"included), {meta['source_url']}", "mee", [row["description"]] + row.get("names", [])))
        out[-1]["_country"] = "CHN"
    return out


def load_regions(path):
    rows = [line for line in open(path, encoding="utf-8") if not line.startswith("#")]
    return {r["id"]: r for r in csv.DictReader(rows)}


def cloud(cc, ml, regions, by_id):
    out = []
    seen = set()
    typos = {"me-cenrtal1": "me-central1"}  # CodeCarbon 3.3.2 impact.csv misspells Google's Doha region.
    with open(os.path.join(cc, "impact.csv"), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            region = typos.get(r["region"], r["region"])
            id_ = f"{r['provider']}:{region}"
            seen.add(id_)
            aliases = [region] + ([r["region"], f"{r['provider']}:{r['region']}"] if region != r["region"] else [])
            g = grid(id_, f"Google Cloud {region} ({r['city']}, {r['country_name']})", "cloud-region",
                     float(r["impact"]), 2023, "Google Cloud region carbon data, grid carbon intensity: 'average operational gross emissions per unit of "
                     "energy from the grid' (github.com/GoogleCloudPlatform/region-carbon-info), via CodeCarbon 3.3.2 impact.csv", "google", aliases)
            meta = regions.get(id_)
            if meta is None:
                sys.exit(f"data/cloud_regions.csv has no row for {id_}")
            g["location_grid"] = meta["location_grid"]
            out.append(g)
    with open(os.path.join(ml, "impact.csv"), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if not r["region"]:
                continue
            id_ = f"{r['provider']}:{r['region']}"
            if id_ in seen or float(r["impact"]) == 0.0:
                # A zero is a market-based claim (100% carbon-free contracts), not a location-based intensity.
                continue
            seen.add(id_)
            meta = regions.get(id_)
            if meta is None:
                sys.exit(f"data/cloud_regions.csv has no row for {id_}")
            fallback = by_id[meta["location_grid"]]
            label = r["regionName"] or r["city"]
            underlying = " ".join(r["source"].split())
            g = grid(id_, f"{r['providerName']} {r['region']} ({label}, {r['country']})", "cloud-region",
                     fallback["intensity_kg_per_kwh"] * 1000, fallback["year"],
                     f"Location grid {fallback['id']} ({fallback['source']}): {r['providerName']} publishes no current "
                     "location-based figure for this region, so it falls back to the grid it sits in",
                     "owid", [f"{r['provider']} {r['region']}"])
            g["basis"] = dict(fallback["basis"])
            g["location_grid"] = fallback["id"]
            g["fallback"] = True
            g["stale_snapshot"] = {
                "intensity_kg_per_kwh": round(float(r["impact"]) / 1000, 6),
                "source": f"ML CO2 Impact calculator (Lacoste et al. 2019) impact.csv, labelled 2021; underlying: {underlying} "
                          "(2016-2019 figures, one a single hour on 2 July 2019)",
            }
            g["_data_sigma"] = fallback.get("_data_sigma")
            out.append(g)
    for g in out:
        meta = regions[g["id"]]
        if meta["provider_pue"]:
            g["provider_pue"] = float(meta["provider_pue"])
            g["provider_pue_source"] = meta["provider_pue_source"]
        g["_country"] = meta["country"]
    missing = set(regions) - seen
    if missing:
        sys.exit(f"data/cloud_regions.csv lists regions not in the sources: {sorted(missing)}")
    return out


def water(grids, eco):
    """Water consumption factor of electricity (EcoLogits wue, L/kWh) by country, for every grid."""
    for g in grids:
        kind = g["kind"]
        if kind == "country":
            iso3 = g["id"]
        elif kind == "world":
            iso3 = "WOR"
        elif kind == "us-state":
            iso3 = "USA"
        elif kind == "ca-province":
            iso3 = "CAN"
        else:
            iso3 = g.get("_country")
        row = eco.get(iso3)
        if row is None:
            row, iso3 = eco["WOR"], "WOR"
            how = "world average (no country figure)"
        elif row.get("warnings") and "electricity-mix-wue-world" in row["warnings"]:
            how = "world average (EcoLogits fills this country with it)"
        elif kind in ("country", "world"):
            how = "this country"
        else:
            how = f"country average of {iso3}"
        g["water_intensity_l_per_kwh"] = round(row["wue"], 6)
        g["water_source"] = f"EcoLogits 0.11.3 electricity_mixes.json wue ({iso3}): {how}"


def finish(grids):
    """Adds spread and gsd; drops the working fields.

    Grids without a generation mix of their own (US states, Nordic zones, Chinese provinces, cloud regions) take
    the mix and year terms from the grid they belong to (USA, their country, CHN, their location grid), named in
    `spread.mix_of`. A Google region's dataset term compares Google's figure with its location grid's.
    """
    by_id = {g["id"]: g for g in grids}
    parent = {}
    for g in grids:
        if g["kind"] == "us-state":
            parent[g["id"]] = "USA"
        elif g["kind"] in ("nordic-zone", "cn-province"):
            parent[g["id"]] = g["_country"]
        elif g["kind"] == "cloud-region":
            parent[g["id"]] = g["location_grid"]
            if not g.get("fallback"):
                location = by_id[g["location_grid"]]
                g["_data_sigma"] = abs(math.log(g["intensity_kg_per_kwh"] / location["intensity_kg_per_kwh"])) / math.sqrt(2)

    def mix_of(id_):
        g = by_id[id_]
        if g.get("_mix") is not None and g["kind"] in ("country", "world", "ca-province"):
            return id_, g["_mix"]
        if id_ in parent:
            return mix_of(parent[id_])
        return None, None

    measured = [g["_data_sigma"] for g in grids if g["kind"] == "country" and g.get("_data_sigma") is not None]
    default_data = statistics.median(measured)
    for g in grids:
        own = g.get("_data_sigma")
        data_sigma = own if own is not None else default_data
        source_id, mix = mix_of(g["id"])
        gsd, components = spread(mix, data_sigma)
        components["dataset_sigma_measured"] = own is not None
        if source_id is not None:
            components["mix_of"] = source_id
        g["intensity_gsd"] = gsd
        g["spread"] = components
    for g in grids:
        for key in [k for k in g if k.startswith("_")]:
            del g[key]
        g.pop("fallback", None)
    return default_data


def write_atomically(path, text):
    """Writes text to a temporary file beside `path`, then renames it: the file is complete or untouched."""
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def swift_source(hardware_json, grids_json, versions):
    for text in (hardware_json, grids_json):
        if '"""##' in text or "\\##" in text:
            sys.exit("the JSON cannot be embedded in a ##\"\"\" raw string")
    version_lines = ",\n".join(f'        ("{k}", "{v}")' for k, v in versions)
    return (
        "// Generated by scripts/build_catalogs.py (`make catalogs`) from data/ and ../shared/data. Do not edit.\n"
        "\n"
        "/// The bundled catalogs as JSON text compiled into the binary, so `aicarbon` needs no resource files.\n"
        "enum EmbeddedCatalogs {\n"
        "    /// Data versions: the catalog version and the sources it was built from.\n"
        "    static let versions: [(name: String, version: String)] = [\n"
        f"{version_lines},\n"
        "    ]\n"
        "\n"
        "    /// `{\"hardware\": [...]}`.\n"
        "    static let hardware = ##\"\"\"\n"
        f"{hardware_json}\n"
        "\"\"\"##\n"
        "\n"
        "    /// `{\"grids\": [...], \"ipcc_ar5_lifecycle\": [...]}`.\n"
        "    static let grids = ##\"\"\"\n"
        f"{grids_json}\n"
        "\"\"\"##\n"
        "}\n"
    )


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--shared", default=os.path.join("..", "shared", "data"))
    p.add_argument("--check", action="store_true", help="exit 1 if the generated file is out of date")
    args = p.parse_args()
    # The source data are not in the repository: say where they were looked for, not a traceback.
    missing = [d for d in ("codecarbon", "mlco2-impact", "ecologits") if not os.path.isdir(os.path.join(args.shared, d))]
    if missing:
        sys.exit(f"build_catalogs.py: expected the source data folders codecarbon, mlco2-impact and ecologits in "
                 f"{args.shared} (give another with --shared PATH), found no {', '.join(missing)} there")
    cc = os.path.join(args.shared, "codecarbon")
    ml = os.path.join(args.shared, "mlco2-impact")
    eco_path = os.path.join(args.shared, "ecologits", "electricity_mixes.json")
    eco = {r["name"]: r for r in json.load(open(eco_path, encoding="utf-8"))["electricity_mixes"]}
    hardware = load_hardware(os.path.join("data", "hardware.csv"))
    regions = load_regions(os.path.join("data", "cloud_regions.csv"))

    grids = countries(cc, eco) + us_states(cc) + canada(cc) + nordic(cc) + china(cc)
    by_id = {g["id"]: g for g in grids}
    grids += cloud(cc, ml, regions, by_id)
    water(grids, eco)
    default_data = finish(grids)
    ipcc = [{"source": k, "min_g_per_kwh": v[0], "median_g_per_kwh": v[1], "max_g_per_kwh": v[2]}
            for k, v in IPCC_AR5.items()]

    hardware_json = json.dumps({"hardware": hardware}, indent=1, ensure_ascii=False)
    grids_json = json.dumps({"grids": grids, "ipcc_ar5_lifecycle": ipcc,
                             "default_dataset_sigma": round(default_data, 6)}, indent=1, ensure_ascii=False)
    digest = hashlib.sha256((hardware_json + grids_json).encode("utf-8")).hexdigest()[:12]
    versions = [
        ("catalogs", f"{CATALOG_VERSION} ({digest})"),
        ("accelerators", f"{len(hardware)} rows, data/hardware.csv"),
        ("grids", f"{len(grids)} rows"),
        ("CodeCarbon data", "3.3.2 (OWID/Ember 2022-2023, eGRID2023, Nordic ENTSO-E 2025, China MEE 2023)"),
        ("EcoLogits electricity mixes", "0.11.3"),
        ("ML CO2 Impact", "2019-2021 (stale; cloud rows fall back to their location grid)"),
        ("IPCC AR5 WGIII Annex III", "Table A.III.2"),
    ]
    path = os.path.join("Sources", "AICarbon", "Catalog", "EmbeddedCatalogs.swift")
    text = swift_source(hardware_json, grids_json, versions)
    if args.check:
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if current != text:
            sys.exit(f"{path} is out of date: run `make catalogs`")
        return
    write_atomically(path, text)
    print(f"wrote {len(hardware)} accelerators and {len(grids)} grids to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
