/**
 * Cross-language name variants: a compact exonym/alias table of places and
 * organizations that English and Dutch news use, plus a transliteration folding
 * rule (`looseKey`).
 *
 * Why a hand table next to the lexicon: exonyms, transliterations, acronyms and aliases of
 * names are proper-noun knowledge WordNet and ODWN mostly lack (bench/lexicon-coverage.ts:
 * 196 of 353 variants share a synset or derivation with their name; not, for instance,
 * Al-Quds, Gaza-strook, Syriërs, Daesh or ISIL), and a row without variants (Hamas, Knesset)
 * gives the name its kind. Only name variants belong here: England is no variant of the
 * United Kingdom, so England/Engeland/English are gone.
 *
 * Each line: canonical | kind | variants (comma separated, written naturally).
 * Keys are compared after `entityKey` (folded, possessive removed, hyphens and
 * dots removed/turned into spaces), so "Gaza-strook", "Gazastrook" and "Gaza strook"
 * are written once where the compact form differs.
 *
 * Aliases of one organization in news usage: Islamic State = IS = ISIS = ISIL =
 * Daesh (= Islamitische Staat, IS, ISIS, Daesj in Dutch). News treats these as
 * names of the same group, so they share one key; regional branches ("Sinai
 * Province") keep their own name.
 * Demonyms and adjectives ("Egyptian", "Egyptische") map to their country so a
 * claim about "the Egyptian branch" can align with "Egypt's branch".
 */
import type { EntityKind } from './types';
import { fold } from './fold';

const TABLE = `
jerusalem|place|Jerusalem,Jeruzalem,Al-Quds
east jerusalem|place|East Jerusalem,Oost-Jeruzalem
egypt|place|Egypt,Egypte,Egyptian,Egyptians,Egyptische,Egyptisch,Egyptenaren,Egyptenaar
israel|place|Israel,Israël,Israeli,Israelis,Israëlische,Israëlisch,Israëliërs,Israëliër,Israelische,Israelisch
palestine|place|Palestine,Palestina,Palestinian,Palestinians,Palestijnse,Palestijns,Palestijnen,Palestijn,Palestinian territories,Palestijnse gebieden
syria|place|Syria,Syrië,Syrian,Syrians,Syrische,Syrisch,Syriërs
iraq|place|Iraq,Irak,Iraqi,Iraqis,Iraakse,Iraaks,Irakezen
iran|place|Iran,Iranian,Iranians,Iraanse,Iraans,Iraniërs
lebanon|place|Lebanon,Libanon,Lebanese,Libanese,Libanees,Libanezen
jordan|place|Jordan,Jordanië,Jordanian,Jordaanse,Jordaans
turkey|place|Turkey,Turkije,Türkiye,Turkish,Turkse,Turks,Turken
saudi arabia|place|Saudi Arabia,Saoedi-Arabië,Saudi,Saudi-Arabië,Saoedische,Saoedisch
yemen|place|Yemen,Jemen,Yemeni,Jemenitische
libya|place|Libya,Libië,Libyan,Libische
qatar|place|Qatar,Katar,Qatari,Qatarese
united arab emirates|place|United Arab Emirates,UAE,Verenigde Arabische Emiraten,VAE,Emirates
gaza|place|Gaza,Gaza City,Gaza-Stad,Gazastad,Gazan,Gazans
gaza strip|place|Gaza Strip,Gazastrook,Gaza-strook,Gaza strook,Strook van Gaza
west bank|place|West Bank,Westelijke Jordaanoever,Westoever,Jordaanoever
sinai|place|Sinai,Sinaï,Sinai Peninsula,Sinaï-schiereiland,Sinaischiereiland,Sinaiwoestijn
golan heights|place|Golan Heights,Golan,Golanhoogten,Golan-hoogvlakte,Golanhoogvlakte
cairo|place|Cairo,Caïro,Kairo
damascus|place|Damascus,Damaskus
baghdad|place|Baghdad,Bagdad
beirut|place|Beirut,Beiroet
tel aviv|place|Tel Aviv,Tel Aviv-Jaffa
hebron|place|Hebron,Al-Khalil
bethlehem|place|Bethlehem
ramallah|place|Ramallah
rafah|place|Rafah
mosul|place|Mosul,Mosoel
raqqa|place|Raqqa,Raqqah,Rakka
aleppo|place|Aleppo,Halab
mecca|place|Mecca,Mekka,Makkah
medina|place|Medina
temple mount|place|Temple Mount,Tempelberg,Haram al-Sharif,Haram esh-Sharif,Noble Sanctuary
al aqsa|place|Al-Aqsa,Al Aqsa,al-Aksa,Al-Aqsa Mosque,Al Aqsa Mosque,Al-Aqsamoskee,Al-Aqsa-moskee,Al Aqsa moskee,Al-Aksamoskee
dome of the rock|place|Dome of the Rock,Rotskoepel,Rotskoepelmoskee
western wall|place|Western Wall,Wailing Wall,Klaagmuur,Westelijke Muur
church of the holy sepulchre|place|Church of the Holy Sepulchre,Church of the Holy Sepulcher,Heilig Grafkerk,Heilige Grafkerk,Grafkerk
middle east|place|Middle East,Midden-Oosten,Mideast
europe|place|Europe,Europa,European,Europeans,Europese,Europees,Europeanen
africa|place|Africa,Afrika,African,Afrikaanse
asia|place|Asia,Azië,Asian,Aziatische
united states|place|United States,United States of America,U.S.,US,U.S.A.,USA,America,American,Americans,Verenigde Staten,VS,Amerika,Amerikaanse,Amerikaans,Amerikanen,Amerikaan
united kingdom|place|United Kingdom,UK,U.K.,Britain,Great Britain,British,Verenigd Koninkrijk,Groot-Brittannië,Brits,Britse,Britten
netherlands|place|Netherlands,The Netherlands,Nederland,Holland,Dutch,Nederlandse,Nederlands,Nederlanders
belgium|place|Belgium,België,Belgian,Belgische,Belgisch,Belgen
germany|place|Germany,Duitsland,German,Germans,Duitse,Duits,Duitsers
france|place|France,Frankrijk,French,Franse,Frans,Fransen
spain|place|Spain,Spanje,Spanish,Spaanse,Spaans
italy|place|Italy,Italië,Italian,Italiaanse,Italiaans
greece|place|Greece,Griekenland,Greek,Griekse,Grieks
russia|place|Russia,Rusland,Russian,Russians,Russische,Russisch,Russen
ukraine|place|Ukraine,Oekraïne,Ukrainian,Oekraïense,Oekraïens
china|place|China,Chinese,Chinezen
japan|place|Japan,Japanese,Japanse,Japans
india|place|India,Indian,Indiase,Indiaas
pakistan|place|Pakistan,Pakistani,Pakistaanse
afghanistan|place|Afghanistan,Afghan,Afghaanse
poland|place|Poland,Polen,Polish,Poolse
sweden|place|Sweden,Zweden,Swedish,Zweedse
norway|place|Norway,Noorwegen,Norwegian,Noorse
denmark|place|Denmark,Denemarken,Danish,Deense
switzerland|place|Switzerland,Zwitserland,Swiss,Zwitserse
austria|place|Austria,Oostenrijk,Austrian,Oostenrijkse
hungary|place|Hungary,Hongarije,Hungarian,Hongaarse
tunisia|place|Tunisia,Tunesië,Tunisian,Tunesische
morocco|place|Morocco,Marokko,Moroccan,Marokkaanse,Marokkanen
algeria|place|Algeria,Algerije,Algerian,Algerijnse
sudan|place|Sudan,Soedan,Sudanese,Soedanese
somalia|place|Somalia,Somalië,Somali,Somalische
ethiopia|place|Ethiopia,Ethiopië,Ethiopian,Ethiopische
brussels|place|Brussels,Brussel
the hague|place|The Hague,Den Haag,'s-Gravenhage
london|place|London,Londen
paris|place|Paris,Parijs
moscow|place|Moscow,Moskou
washington|place|Washington,Washington D.C.,Washington DC
new york|place|New York,New York City,NYC
mediterranean|place|Mediterranean,Mediterranean Sea,Middellandse Zee
red sea|place|Red Sea,Rode Zee
dead sea|place|Dead Sea,Dode Zee
islamic state|org|Islamic State,IS,ISIS,ISIL,Daesh,Daesj,Daech,Islamitische Staat,Islamic State group,IS-groep,Islamic State of Iraq and Syria,Islamic State of Iraq and the Levant,Islamitische Staat in Irak en Syrië,Islamitische Staat in Irak en de Levant
united nations|org|United Nations,UN,U.N.,Verenigde Naties,VN
security council|org|Security Council,UN Security Council,Veiligheidsraad,VN-Veiligheidsraad
european union|org|European Union,EU,E.U.,Europese Unie
nato|org|NATO,NAVO,North Atlantic Treaty Organization
red cross|org|Red Cross,International Committee of the Red Cross,ICRC,Rode Kruis,Internationale Rode Kruis
red crescent|org|Red Crescent,Rode Halve Maan
muslim brotherhood|org|Muslim Brotherhood,Moslimbroederschap,Moslimbroeders
hamas|org|Hamas
hezbollah|org|Hezbollah,Hizbollah,Hizbullah,Hezbollah movement
al qaeda|org|Al-Qaeda,Al Qaeda,Al-Qaida,Al Qaida,al-Kaida,Al-Kaida
fatah|org|Fatah
islamic jihad|org|Islamic Jihad,Palestinian Islamic Jihad,Islamitische Jihad,Palestijnse Islamitische Jihad
palestinian authority|org|Palestinian Authority,PA,Palestijnse Autoriteit,Palestijnse Autoriteiten,Palestinian National Authority
plo|org|PLO,Palestine Liberation Organization,Palestijnse Bevrijdingsorganisatie
idf|org|IDF,Israel Defense Forces,Israeli Defence Forces,Israel Defence Forces,Israeli army,Israëlische leger,Israëlisch leger
taliban|org|Taliban
white house|org|White House,Witte Huis
pentagon|org|Pentagon
kremlin|org|Kremlin
knesset|org|Knesset
international criminal court|org|International Criminal Court,ICC,Internationaal Strafhof
world health organization|org|World Health Organization,WHO,Wereldgezondheidsorganisatie
amnesty international|org|Amnesty International,Amnesty
human rights watch|org|Human Rights Watch,HRW
doctors without borders|org|Doctors Without Borders,Médecins Sans Frontières,MSF,Artsen zonder Grenzen
unrwa|org|UNRWA
sinai province|org|Sinai Province,Wilayat Sinai,Provincie Sinaï,Sinaï-provincie
ansar bayt al maqdis|org|Ansar Bayt al-Maqdis,Ansar Beit al-Maqdis,Ansar Bait al-Maqdis
qassam brigades|org|Al-Qassam Brigades,Izz ad-Din al-Qassam Brigades,Qassam Brigades,Ezzedine al-Qassam Brigades,Al-Qassambrigades,Qassambrigades
`;

export interface VariantEntry { canonical: string; kind: EntityKind }

const DOTS = /\./g;
const SEPS = /[-\s]+/g;

/** Normalize a name for table lookup: folded, possessive removed, dots dropped, hyphens -> spaces. */
export function entityKey(s: string): string {
  let k = fold(s).replace(/'s$/, '').replace(/'s\b(?=\s)/g, '');
  if (k.includes('.')) k = k.replace(DOTS, '');
  return k.replace(SEPS, ' ').trim();
}

const ARTICLES = /(?:^|\s)(?:al|el|ad|ar|as|ash|at|az|the|de|het|le|la)(?=\s|$)/g;

/**
 * Transliteration folding for the secondary `loose` key: articles (al, el, the, de...)
 * and all non-letters dropped, ck/q -> k, ks -> x, ph -> f, tsj -> ch, sj -> sh, dj -> j,
 * oe/ou -> u, z -> s, y -> i, doubled letters collapsed.
 * "al-Aksa", "Al Aqsa", "Al-Aqsa" -> "axa"; "Mohammed"/"Mohamed" -> "mohamed".
 */
const looseCache = new Map<string, string>();

export function looseKey(norm: string): string {
  const hit = looseCache.get(norm);
  if (hit !== undefined) return hit;
  const v = computeLoose(norm);
  if (looseCache.size > 50_000) looseCache.clear();
  looseCache.set(norm, v);
  return v;
}

function computeLoose(norm: string): string {
  let s = ` ${norm.replace(/-/g, ' ')} `.replace(ARTICLES, ' ');
  s = s.replace(/[^a-z0-9]/g, '');
  if (s === '') s = norm.replace(/[^a-z0-9]/g, '');
  return s
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/ks/g, 'x')
    .replace(/ph/g, 'f')
    .replace(/tsj/g, 'ch')
    .replace(/sj/g, 'sh')
    .replace(/dj/g, 'j')
    .replace(/oe|ou/g, 'u')
    .replace(/z/g, 's')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

const MAP = new Map<string, VariantEntry>();
const LOOSE = new Map<string, VariantEntry>();
/** First words of multiword variant keys (fast pre-filter for phrase lookup). */
export const MULTI_FIRST = new Set<string>();
export let MAX_VARIANT_WORDS = 1;

for (const line of TABLE.split('\n')) {
  const parts = line.trim().split('|');
  if (parts.length < 3) continue;
  const entry: VariantEntry = { canonical: parts[0], kind: parts[1] as EntityKind };
  const add = (v: string) => {
    const k = entityKey(v);
    if (!k || MAP.has(k)) return;
    MAP.set(k, entry);
    const compact = k.replace(/ /g, '');
    if (!MAP.has(compact)) MAP.set(compact, entry);
    const words = k.split(' ');
    if (words.length > 1) {
      MULTI_FIRST.add(words[0]);
      MAX_VARIANT_WORDS = Math.max(MAX_VARIANT_WORDS, words.length);
    }
    const lk = looseKey(k);
    if (lk.length >= 4 && !LOOSE.has(lk)) LOOSE.set(lk, entry);
  };
  add(parts[0]);
  for (const v of parts[2].split(',')) add(v.split(':')[0]);
}

/**
 * Every prefix (in characters) of every table key with its spaces removed: a phrase whose
 * spaceless key is no such prefix starts no table name, however it goes on.
 */
export const KEY_PREFIXES = new Set<string>();
for (const k of MAP.keys()) {
  const compact = k.replace(/ /g, '');
  for (let i = 1; i <= compact.length; i++) KEY_PREFIXES.add(compact.slice(0, i));
}

/** Look a normalized name key up in the variant table (exact key, then compact, then loose). */
export function lookupVariant(key: string): VariantEntry | undefined {
  return MAP.get(key) ?? (key.includes(' ') ? MAP.get(key.replace(/ /g, '')) : undefined);
}

/** Loose keys of the table by length, for the one-typo lookup. */
const LOOSE_BY_LEN = new Map<number, string[]>();
for (const k of LOOSE.keys()) {
  const list = LOOSE_BY_LEN.get(k.length) ?? [];
  list.push(k);
  LOOSE_BY_LEN.set(k.length, list);
}
const FUZZY_MIN = 10;

/** At most one insertion, deletion or substitution apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i) === b.slice(i + 1);
}

/**
 * Loose lookup (transliteration variants of table names). Long names (10+ letters)
 * also match a table name one typo away ("Islamtische Staat" -> islamic state);
 * ties (two table names one edit away) match nothing.
 */
export function lookupLoose(loose: string): VariantEntry | undefined {
  if (loose.length < 4) return undefined;
  const exact = LOOSE.get(loose);
  if (exact || loose.length < FUZZY_MIN) return exact;
  let found: VariantEntry | undefined;
  for (let len = loose.length - 1; len <= loose.length + 1; len++) {
    for (const k of LOOSE_BY_LEN.get(len) ?? []) {
      if (!withinOneEdit(loose, k)) continue;
      const e = LOOSE.get(k)!;
      if (found && found !== e) return undefined;
      found = e;
    }
  }
  return found;
}

/** Compact canonical term for index terms ("gaza strip" -> "gazastrip"). */
export function canonicalTerm(entry: VariantEntry): string {
  return entry.canonical.replace(/ /g, '');
}

/** The table as text, for the index's analyzer fingerprint (engine.ts). */
export const VARIANT_TABLE = TABLE;
