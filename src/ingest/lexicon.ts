/**
 * The words the ingest looks for, in English and French: articles and titles that do not belong
 * to a name, the nouns that tell an entity's kind, event triggers, qualifiers of figures and the
 * verbs of speech that name a claimant. Everything language-specific is here, as data; the
 * modules that read it work the same for both languages. Patterns are matched against folded
 * text (see text.ts: lower case, no accents), so they are written folded.
 */
import type { ClaimQualifier } from '../graph/vocabulary.js';
import type { Language } from './text.js';

export interface KindCue {
  /** Folded head nouns (regular-expression alternatives). */
  heads: string;
  kind: 'Organization' | 'ArmedGroup' | 'Place' | 'Person';
  subkind?: string;
}

export interface EventCue {
  subkind:
    'Attack' | 'Accident' | 'Coup' | 'Protest' | 'Announcement' | 'Withdrawal' | 'Insurgency';
  /** Folded trigger words (regular-expression alternatives). */
  triggers: string;
  /** The role of an entity named as the agent ("by ...", "X attacked"). */
  agentRole: string;
  /** The role of an entity that suffers or is the object. */
  objectRole: string;
}

export interface QualifierCue {
  /** Folded words before (or, with `around`, making up) the number. */
  pattern: string;
  qualifier: ClaimQualifier;
  /** A value implied by the words themselves ("hundreds of" = 200, "une trentaine" = 30). */
  value?: number;
}

export interface Lexicon {
  /** Articles and determiners that a mention may start with but a name does not. */
  determiners: string;
  /** Capitalised words that are never names (pronouns and the like). */
  notNames: string;
  /** Titles before a person's name ("General", "le général", "former President"). */
  titles: string;
  /** Lowercase words that may sit inside a name ("al Qaeda", "Burkina Faso", "de la Défense"). */
  nameParticles: string;
  /** Generic phrases of this language and the English alias form they stand for. */
  equivalents: Record<string, string>;
  kindCues: KindCue[];
  eventCues: EventCue[];
  /** Prepositions before the place where something happened ("in Kandadji", "à Niamey"). */
  placePrepositions: string;
  /** Words that mark a definite reference back to an event already named ("the attack"). */
  definiteEvent: string;
  /** Words that mark another event of the same type ("another attack"). */
  otherEvent: string;
  numberWords: Record<string, number>;
  /** Words that multiply a figure ("2.5 million"). */
  scales: Record<string, number>;
  qualifiers: QualifierCue[];
  /** Nouns counted by a figure, and the property stem they give ("soldiers" -> soldiers). */
  countedNouns: Record<string, string>;
  /** Verbs before a count that tell its outcome ("killing 17 soldiers", "tuant 17 soldats"). */
  outcomeVerbs: Record<string, string>;
  /** Counted nouns that are an outcome themselves ("17 dead", "17 morts"). */
  nounOutcomes: Record<string, string>;
  /** Outcomes of a count ("killed" -> killed). */
  outcomes: Record<string, string>;
  /** Patterns whose group `who` names the claimant of the sentence. */
  claimantPatterns: string[];
  /** Words of a claimant that make it an anonymous source. */
  anonymous: string;
  /** Words of a claimant that tell the kind of source it is (checked in this order). */
  sourceKinds: { pattern: string; kind: 'communique' | 'statement' | 'analysts' | 'interview' }[];
  /** Words that refer back to the last statement named ("the statement", "le communiqué"). */
  statementWords: string;
  /** Units of distance and their factor to kilometres. */
  distanceUnits: Record<string, number>;
  /** Words of the future tense: a weekday in such a sentence lies ahead. */
  future: string;
  /** Compass directions and the part of a country they name ("le sud-ouest" -> southwest). */
  directions: Record<string, string>;
  /** The words that join a direction to its country ("southwest of", "le sud-ouest du"). */
  directionOf: string;
  /** The words that mean "the country" (the article's main country). */
  theCountry: string;
}

const ENGLISH: Lexicon = {
  determiners: 'the|a|an|its|their|his|her',
  notNames: 'i|we|you|he|she|it|they|this|that|these|those|there|here',
  titles:
    '(?:former |ex-)?(?:president|general|gen\\.|colonel|col\\.|captain|lieutenant|commander|minister|prime minister|defence minister|defense minister|ambassador|mr\\.?|mrs\\.?|ms\\.?)',
  nameParticles: 'al|el|ag|ould|bin|ibn|de|of',
  equivalents: {},
  kindCues: [
    {
      heads: 'ministry|ministries|government|cabinet|council|assembly|parliament|court',
      kind: 'Organization',
      subkind: 'GovernmentBody',
    },
    { heads: 'junta', kind: 'Organization', subkind: 'MilitaryJunta' },
    {
      heads: 'army|armed forces|forces|troops|gendarmerie|air force',
      kind: 'Organization',
      subkind: 'MilitaryForce',
    },
    {
      heads: 'unit|battalion|brigade|regiment|company|detachment|convoy',
      kind: 'Organization',
      subkind: 'MilitaryUnit',
    },
    {
      heads: 'agency|news agency|newspaper|broadcaster',
      kind: 'Organization',
      subkind: 'NewsAgency',
    },
    {
      heads: 'activists|protesters|demonstrators|supporters|movement|coalition',
      kind: 'Organization',
      subkind: 'ActivistGroup',
    },
    {
      heads: 'alliance|union|bloc|organisation|organization|community',
      kind: 'Organization',
      subkind: 'Alliance',
    },
    {
      heads:
        'rebels|insurgents|jihadists|militants|gunmen|attackers|assailants|fighters|terrorists|islamists|bandits',
      kind: 'ArmedGroup',
    },
    { heads: 'base|camp|barracks|airport|air base', kind: 'Place', subkind: 'MilitaryBase' },
    {
      heads: 'tri-border region|tri-border area|border area|border region|three borders area',
      kind: 'Place',
      subkind: 'BorderArea',
    },
    { heads: 'region|province|district|department', kind: 'Place', subkind: 'AdminRegion' },
    { heads: 'village|town|city|commune', kind: 'Place', subkind: 'Town' },
    { heads: 'river', kind: 'Place', subkind: 'River' },
    { heads: 'dam', kind: 'Place', subkind: 'DamSite' },
  ],
  eventCues: [
    {
      subkind: 'Attack',
      triggers: 'attack|attacks|attacked|assault|raid|ambush|ambushed|offensive',
      agentRole: 'attacker',
      objectRole: 'target',
    },
    {
      subkind: 'Accident',
      triggers: 'accident|crash|crashed',
      agentRole: 'involved',
      objectRole: 'victim',
    },
    {
      subkind: 'Coup',
      triggers: 'coup|coups|putsch|overthrew|toppled|seized power',
      agentRole: 'perpetrator',
      objectRole: 'overthrown',
    },
    {
      subkind: 'Protest',
      triggers: 'protest|protests|protested|demonstration|demonstrations|rally|rallied',
      agentRole: 'protesters',
      objectRole: 'protested against',
    },
    {
      subkind: 'Announcement',
      triggers: 'announced|announcement|declared',
      agentRole: 'announcer',
      objectRole: 'subject',
    },
    {
      subkind: 'Withdrawal',
      triggers: 'withdraw|withdrawal|withdrew|pull out|remove',
      agentRole: 'withdrawing force',
      objectRole: 'left',
    },
    {
      subkind: 'Insurgency',
      triggers: 'insurgency|insurgencies|rebellion',
      agentRole: 'insurgents',
      objectRole: 'target',
    },
  ],
  placePrepositions: '(?:in|at|near|outside|in front of|close to)(?: the)?',
  definiteEvent: 'the|this|that',
  otherEvent: 'another|a new|a second|a further|an earlier|a previous|other',
  numberWords: {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    'a hundred': 100,
    'one hundred': 100,
    'a dozen': 12,
    'a thousand': 1000,
  },
  scales: { thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9 },
  qualifiers: [
    { pattern: 'at least|no fewer than|no less than|more than|over', qualifier: 'at_least' },
    { pattern: 'at most|up to|no more than|fewer than|less than', qualifier: 'at_most' },
    {
      pattern: 'around|about|some|nearly|almost|approximately|roughly|an estimated|close to',
      qualifier: 'about',
    },
    { pattern: 'several hundred', qualifier: 'several_hundred', value: 200 },
    { pattern: 'hundreds of', qualifier: 'hundreds', value: 200 },
    { pattern: 'dozens of', qualifier: 'at_least', value: 24 },
    { pattern: 'thousands of', qualifier: 'at_least', value: 2000 },
  ],
  countedNouns: {
    soldiers: 'soldiers',
    soldier: 'soldiers',
    troops: 'soldiers',
    troop: 'soldiers',
    servicemen: 'soldiers',
    gendarmes: 'soldiers',
    police: 'police',
    policemen: 'police',
    civilians: 'civilians',
    civilian: 'civilians',
    people: 'people',
    villagers: 'civilians',
    dead: 'people',
    casualties: 'people',
    deaths: 'people',
    insurgents: 'insurgents',
    insurgent: 'insurgents',
    militants: 'insurgents',
    jihadists: 'insurgents',
    terrorists: 'insurgents',
    rebels: 'insurgents',
    attackers: 'attackers',
    assailants: 'attackers',
    fighters: 'insurgents',
    gunmen: 'attackers',
    activists: 'participants',
    protesters: 'participants',
    demonstrators: 'participants',
    helicopters: 'helicopters',
    helicopter: 'helicopters',
    vehicles: 'vehicles',
    coups: 'coups',
    coup: 'coups',
    motorbikes: 'motorbikes',
    motorcycles: 'motorbikes',
  },
  outcomeVerbs: {
    killing: 'killed',
    killed: 'killed',
    kill: 'killed',
    wounding: 'wounded',
    injuring: 'wounded',
    wounded: 'wounded',
    kidnapping: 'abducted',
    abducted: 'abducted',
  },
  nounOutcomes: { dead: 'killed', casualties: 'killed', deaths: 'killed' },
  outcomes: {
    killed: 'killed',
    died: 'killed',
    dead: 'killed',
    lives: 'killed',
    'lost their lives': 'killed',
    wounded: 'wounded',
    injured: 'wounded',
    missing: 'missing',
    kidnapped: 'abducted',
    abducted: 'abducted',
    captured: 'captured',
    arrested: 'arrested',
    displaced: 'displaced',
    hit: 'hit',
    destroyed: 'destroyed',
  },
  claimantPatterns: [
    'according to (?<who>[^,.;]+)',
    '(?<who>[^,.;]+?),? (?:who [^,]+,? )?told (?<to>[a-z][\\w ]+?)(?: that|,| on| in|\\.|;|$)',
    '(?<who>(?:the |a |an )?[^,.;]+?) (?:said|says|stated|confirmed|claim|claims)',
    '(?:said|says|stated|confirmed) (?<who>(?:the |a |an )?[^,.;]+?)(?:[,.;]|$)',
  ],
  anonymous:
    'source|sources|officer|official|officials|witness|witnesses|resident|residents|analyst|analysts|requested anonymity|not authorized',
  sourceKinds: [
    { pattern: 'communique', kind: 'communique' },
    { pattern: 'statement|spokesman|spokesperson|ministry', kind: 'statement' },
    { pattern: 'analysts?|experts?|researchers?', kind: 'analysts' },
    { pattern: 'interview', kind: 'interview' },
  ],
  statementWords:
    'the statement|the communique|the ministry statement|the defence ministry statement|the defense ministry statement|it',
  distanceUnits: {
    km: 1,
    kilometers: 1,
    kilometres: 1,
    kilometer: 1,
    kilometre: 1,
    miles: 1.609,
    mile: 1.609,
  },
  future: 'will|would|is to|are to|plans to|is due|next',
  directions: {
    north: 'north',
    south: 'south',
    east: 'east',
    west: 'west',
    northeast: 'northeast',
    northwest: 'northwest',
    southeast: 'southeast',
    southwest: 'southwest',
    'north-east': 'northeast',
    'north-west': 'northwest',
    'south-east': 'southeast',
    'south-west': 'southwest',
  },
  directionOf: '(?:the )?(?<direction>[a-z-]+) of (?:the )?',
  theCountry: 'country',
};

const FRENCH: Lexicon = {
  determiners: "le|la|les|l'|un|une|des|du|de la|de l'|d'|son|sa|ses|leur|leurs",
  notNames:
    'je|nous|vous|il|elle|ils|elles|on|ce|cet|cette|ces|selon|mais|ou|et|donc|or|ni|car|apres|avant|depuis|pendant|lors|dans|pour|par|sur|sous|vers|chez|contre|ainsi|alors|aussi|enfin|puis',
  titles:
    "(?:l'ancien |l'ex-|ancien |ex-)?(?:president|general|colonel|capitaine|lieutenant|commandant|ministre|premier ministre|ministre de la defense|ambassadeur|chef de la junte|m\\.|mme)",
  nameParticles: "al|el|ag|ould|bin|ibn|de|du|des|la|d'",
  equivalents: {
    junte: 'junta',
    'junte militaire': 'military junta',
    'junte au pouvoir': 'junta',
    armee: 'army',
    'armee nigerienne': 'Nigerien army',
    'forces armees nigeriennes': 'Forces armées nigériennes',
    'ministere de la defense': 'defence ministry',
    'ministere nigerien de la defense': 'Nigerien defence ministry',
    'ministere de la defense nigerien': 'Nigerien defence ministry',
    'garde presidentielle': 'presidential guard',
    'forces francaises': 'French forces in Niger',
    'troupes francaises': 'French troops',
    'soldats francais': 'French troops',
    'base militaire francaise': 'French military base in Niamey',
    'zone des trois frontieres': 'tri-border area',
    'region des trois frontieres': 'tri-border region',
    'etat islamique': 'Islamic State',
    'al-qaida': 'al-Qaida',
    'fleuve niger': 'Niger River',
  },
  kindCues: [
    {
      heads: 'ministere|gouvernement|conseil|assemblee|parlement|cour|tribunal',
      kind: 'Organization',
      subkind: 'GovernmentBody',
    },
    { heads: 'junte', kind: 'Organization', subkind: 'MilitaryJunta' },
    {
      heads: "armee|forces armees|forces|troupes|gendarmerie|armee de l'air",
      kind: 'Organization',
      subkind: 'MilitaryForce',
    },
    {
      heads: 'unite|bataillon|brigade|regiment|compagnie|detachement|convoi',
      kind: 'Organization',
      subkind: 'MilitaryUnit',
    },
    { heads: 'agence|journal', kind: 'Organization', subkind: 'NewsAgency' },
    {
      heads: 'militants|manifestants|partisans|sympathisants|mouvement|collectif|coalition',
      kind: 'Organization',
      subkind: 'ActivistGroup',
    },
    { heads: 'alliance|union|organisation|communaute', kind: 'Organization', subkind: 'Alliance' },
    {
      heads:
        'rebelles|insurges|jihadistes|djihadistes|assaillants|hommes armes|terroristes|combattants|islamistes|bandits',
      kind: 'ArmedGroup',
    },
    { heads: 'base|camp|caserne|aeroport|base aerienne', kind: 'Place', subkind: 'MilitaryBase' },
    {
      heads: 'zone des trois frontieres|region des trois frontieres|zone frontaliere',
      kind: 'Place',
      subkind: 'BorderArea',
    },
    { heads: 'region|province|departement|district', kind: 'Place', subkind: 'AdminRegion' },
    { heads: 'village|ville|localite|commune', kind: 'Place', subkind: 'Town' },
    { heads: 'fleuve', kind: 'Place', subkind: 'River' },
    { heads: 'barrage', kind: 'Place', subkind: 'DamSite' },
  ],
  eventCues: [
    {
      subkind: 'Attack',
      triggers: 'attaque|attaques|attaque|attaquee|assaut|raid|embuscade|offensive',
      agentRole: 'attacker',
      objectRole: 'target',
    },
    {
      subkind: 'Accident',
      triggers: 'accident|crash',
      agentRole: 'involved',
      objectRole: 'victim',
    },
    {
      subkind: 'Coup',
      triggers: "coup d'etat|coup d'etats|putsch|renverse",
      agentRole: 'perpetrator',
      objectRole: 'overthrown',
    },
    {
      subkind: 'Protest',
      triggers: 'manifestation|manifestations|manifeste|rassemblement|rassembles|marche|sit-in',
      agentRole: 'protesters',
      objectRole: 'protested against',
    },
    {
      subkind: 'Announcement',
      triggers: 'annonce|a annonce|declare|a declare',
      agentRole: 'announcer',
      objectRole: 'subject',
    },
    {
      subkind: 'Withdrawal',
      triggers: 'retrait|retirer|retire|quitter',
      agentRole: 'withdrawing force',
      objectRole: 'left',
    },
    {
      subkind: 'Insurgency',
      triggers: 'insurrection|insurrections|rebellion',
      agentRole: 'insurgents',
      objectRole: 'target',
    },
  ],
  placePrepositions: "(?:a|dans|pres de|au|en|aux|devant|non loin de)(?: la| le| l')?",
  definiteEvent: "l'|le|la|cette|cet|ce",
  otherEvent: 'une autre|un autre|une nouvelle|un nouvel|un nouveau|une precedente',
  numberWords: {
    un: 1,
    une: 1,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    six: 6,
    sept: 7,
    huit: 8,
    neuf: 9,
    dix: 10,
    onze: 11,
    douze: 12,
    treize: 13,
    quatorze: 14,
    quinze: 15,
    seize: 16,
    'dix-sept': 17,
    'dix-huit': 18,
    'dix-neuf': 19,
    vingt: 20,
    trente: 30,
    quarante: 40,
    cinquante: 50,
    soixante: 60,
    cent: 100,
    mille: 1000,
  },
  scales: { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 },
  qualifiers: [
    { pattern: 'au moins|plus de|pas moins de', qualifier: 'at_least' },
    { pattern: "au plus|jusqu'a|moins de", qualifier: 'at_most' },
    {
      pattern: 'environ|pres de|quelque|quelques|approximativement',
      qualifier: 'about',
    },
    { pattern: 'une dizaine de', qualifier: 'about', value: 10 },
    { pattern: 'une quinzaine de', qualifier: 'about', value: 15 },
    { pattern: 'une vingtaine de', qualifier: 'about', value: 20 },
    { pattern: 'une trentaine de', qualifier: 'about', value: 30 },
    { pattern: 'une quarantaine de', qualifier: 'about', value: 40 },
    { pattern: 'une cinquantaine de', qualifier: 'about', value: 50 },
    { pattern: 'une centaine de', qualifier: 'about', value: 100 },
    { pattern: 'plusieurs dizaines de|des dizaines de', qualifier: 'at_least', value: 20 },
    { pattern: 'plusieurs centaines de', qualifier: 'several_hundred', value: 200 },
    { pattern: 'des centaines de', qualifier: 'hundreds', value: 200 },
    { pattern: 'des milliers de|plusieurs milliers de', qualifier: 'at_least', value: 2000 },
  ],
  countedNouns: {
    soldats: 'soldiers',
    soldat: 'soldiers',
    militaires: 'soldiers',
    militaire: 'soldiers',
    gendarmes: 'soldiers',
    policiers: 'police',
    civils: 'civilians',
    civil: 'civilians',
    personnes: 'people',
    villageois: 'civilians',
    habitants: 'civilians',
    jihadistes: 'insurgents',
    djihadistes: 'insurgents',
    terroristes: 'insurgents',
    insurges: 'insurgents',
    rebelles: 'insurgents',
    assaillants: 'attackers',
    combattants: 'insurgents',
    militants: 'participants',
    manifestants: 'participants',
    helicopteres: 'helicopters',
    helicoptere: 'helicopters',
    vehicules: 'vehicles',
    motos: 'motorbikes',
    morts: 'people',
    tues: 'people',
    blesses: 'people',
  },
  outcomeVerbs: {
    tuant: 'killed',
    'a tue': 'killed',
    'ont tue': 'killed',
    blessant: 'wounded',
    'a blesse': 'wounded',
    'ont blesse': 'wounded',
    enlevant: 'abducted',
  },
  nounOutcomes: { morts: 'killed', tues: 'killed', victimes: 'killed', blesses: 'wounded' },
  outcomes: {
    tues: 'killed',
    tuees: 'killed',
    tue: 'killed',
    morts: 'killed',
    mort: 'killed',
    'ont peri': 'killed',
    'ont perdu la vie': 'killed',
    decedes: 'killed',
    blesses: 'wounded',
    blessees: 'wounded',
    disparus: 'missing',
    enleves: 'abducted',
    captures: 'captured',
    arretes: 'arrested',
    deplaces: 'displaced',
    touche: 'hit',
    detruits: 'destroyed',
    neutralises: 'killed',
  },
  claimantPatterns: [
    'selon (?<who>[^,.;]+)',
    "d'apres (?<who>[^,.;]+)",
    "(?:a|ont) (?:indique|declare|affirme|precise|rapporte|confie) (?<who>(?:le |la |les |l'|un |une |des )[^,.;]+?) a (?<to>l'[a-z]+|[a-z][\\w' ]+?)(?:[,.;]|$)",
    "(?:a|ont) (?:indique|declare|affirme|precise|rapporte|confie)(?: a (?<to>[a-z][\\w' ]+?))? (?<who>(?:le |la |les |l'|un |une |des )[^,.;]+?)(?:[,.;]|$)",
    "(?<who>(?:le |la |les |l'|un |une |des )[^,.;]+?) (?:a|ont) (?:indique|declare|affirme|precise|rapporte|confie)",
    "(?:indique|declare|affirme|precise|rapporte|confie) (?<who>(?:le |la |les |l'|un |une )[^,.;]+?)(?:[,.;]|$)",
  ],
  anonymous:
    'source|sources|officier|responsable|responsables|temoin|temoins|habitant|habitants|analyste|analystes|sous couvert de l.anonymat|elu local',
  sourceKinds: [
    { pattern: 'communique', kind: 'communique' },
    { pattern: 'declaration|porte-parole|ministere', kind: 'statement' },
    { pattern: 'analystes?|experts?|chercheurs?', kind: 'analysts' },
    { pattern: 'entretien|interview', kind: 'interview' },
  ],
  statementWords: 'le communique|la declaration|le ministere|il|celui-ci',
  distanceUnits: { km: 1, kilometres: 1, kilometre: 1 },
  future: 'va|vont|sera|seront|prochain|prochaine|doit|doivent',
  directions: {
    nord: 'north',
    sud: 'south',
    est: 'east',
    ouest: 'west',
    'nord-est': 'northeast',
    'nord-ouest': 'northwest',
    'sud-est': 'southeast',
    'sud-ouest': 'southwest',
  },
  directionOf: "(?:le |l')?(?<direction>[a-z-]+) (?:du |de la |de l'|de )",
  theCountry: 'pays',
};

export function lexiconFor(language: Language): Lexicon {
  return language === 'fr' ? FRENCH : ENGLISH;
}
