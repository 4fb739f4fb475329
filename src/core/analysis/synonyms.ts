/**
 * Concept overlay: the word links the matcher needs and the lexicon (WordNet 3.0 + Open
 * Dutch WordNet, lexicon.ts) does not give it. verify/nlp.ts already gives each word the
 * synsets of its first 3 senses and a passage word their hypernyms within 2 levels, so a
 * row here is only for what that misses: news usage, Dutch forms ODWN lacks (participles,
 * irregular plurals, separable verbs), and the ids 'kill' and 'birth' that lifeDates() in
 * verify/nlp.ts uses. Each row says why it is there after '#'; a row stays only when the
 * link holds in general, not for one sentence. `npx tsx bench/overlay-check.ts` lists
 * which links of a table the lexicon already gives.
 *
 * RETRIEVAL is for the index only (terms.ts: '~concept' keys, and the sentence-initial
 * common-word check in entities.ts): index terms are computed in src/core without the
 * lexicon, which loads lazily in the worker, so English claims find Dutch passages through
 * these en-nl concepts of frequent news words: the rows of the table the matcher used before
 * the lexicon that have Dutch words, less the links that do not hold in general. Every form
 * stays: text of undetermined language is stemmed as English, so a Dutch form is found by
 * its whole word, not its Dutch stem. With the English head word alone ('ship', not 'ferry')
 * the eval loses nothing, but an English 'ferry' would no longer find a Dutch 'veerboot'.
 * The matcher does not read it: it gets these links from WordNet and ODWN.
 *
 * Each line: id | English words | Dutch words. Words are folded and stemmed with their
 * language's stemmer at load; conceptOf() takes a stem (or folded word) and a language.
 */
import type { LanguageCode } from '../types';
import { fold } from './fold';
import { stemWord } from './stem';

const TABLE = `
attack|attack,attacks|aanslag,aanslagen  # Dutch 'aanslag' (an attack on people); ODWN puts it under assault and under attack's 'attempt on a life' sense, outside attack's first 3 senses
kill|kill,killed,killing,kills,dead,death,deaths,die,died,dies,dying,fatalities,perished,slain|doden,dood,gedood,overleden,overlijden,gestorven,omgekomen,stierf,vermoord  # casualty reports: 'killed', 'died', 'dead' count the same deaths; WordNet puts kill, die and dead in no common synset (kill 'causes' die); lifeDates() (verify/nlp.ts) gives death dates this id
birth|born,birth|geboren,geboorte  # lifeDates() (verify/nlp.ts) gives birth dates this id, so the claim's 'born' must carry it
shoot|shot,shoot,shooting|schiet,beschoten,neergeschoten  # ODWN lacks the forms 'schiet' (shoots), 'beschoten' (fired at), 'neergeschoten' (shot down)
video|video,videos,footage,clip|video,beelden,filmpje  # news usage: 'footage', 'clip', Dutch 'beelden' for video; WordNet has footage as a synset of its own, in no sense of video
declare|declare,declared,announce,announced|kondigt,kondigde  # Dutch separable verb 'kondigt ... aan' (announces): the stem alone is not in ODWN
publish|released,release|vrijgegeven,uitgebracht  # ODWN lacks the participles of 'vrijgeven'/'uitbrengen' (released)
arrest|arrest,arrested,detain,detained|gearresteerd,vastgezet  # people 'detained' by police or troops are arrested; WordNet keeps detain (hold) apart from arrest; ODWN lacks the participles 'gearresteerd', 'vastgezet'
branch|branch|affiliate,offshoot  # an organisation's affiliate or offshoot; WordNet has no synset with branch and either
government|government|administration  # 'the X administration' names a government (US usage); WordNet has it beyond the first 3 senses
border|border,borders,frontier  # 'frontier' as a state border; WordNet puts frontier and border in no common synset
security|security|beveiliging  # ODWN lacks 'beveiliging' (security, protection)
threat|threat,threats|dreiging  # ODWN lacks 'dreiging' (threat)
member|member,members|leden  # irregular Dutch plural of 'lid': the stemmer and ODWN do not join them
ship|ship,ships|schepen  # irregular Dutch plural of 'schip'
city|city,cities|steden  # irregular Dutch plural of 'stad'
child|child,children,minors|minderjarigen  # ODWN lacks 'minderjarigen' (minors)
talks|talks,negotiations|overleg  # Dutch 'overleg' (consultations, talks); ODWN has no link to talks
aid|aid,relief|noodhulp  # humanitarian 'relief' is aid, Dutch 'noodhulp' emergency aid; WordNet's first senses of relief are alleviation and ease
destroy|destroyed,destroy|vernietigd,verwoest  # ODWN lacks the participles 'vernietigd', 'verwoest'
internet|internet,online|internet,online  # 'online' is on the internet; WordNet has 'online' only as an adjective of computers
hour|hour,hours|uren  # Dutch plural 'uren': the stemmer does not join it to 'uur'
meet|meet,met,meeting|vergaderde  # ODWN lacks the past 'vergaderde' (met, held a meeting)
close|close,closed,closure|sluiting  # the noun 'closure' and Dutch 'sluiting'; WordNet gives only the verb's senses a link
ban|ban,banned|verbod  # the Dutch noun 'verbod' (a ban); ODWN links only the verb 'verbieden'
refuse|refused,reject,rejected|verworpen  # ODWN lacks the participle 'verworpen' (rejected)
holy|holy,sacred  # 'sacred' and 'holy' are synonyms, but WordNet puts them in no common synset
job|job,jobs,employment|werkgelegenheid  # Dutch 'werkgelegenheid' is employment (jobs); ODWN has no link
family|family,families,relatives|familieleden  # 'relatives' / Dutch 'familieleden' (family members); WordNet has no synset in common
board|aboard,onboard  # spelling variant 'onboard'; WordNet has only 'aboard'
secret|secret,secretly,covert  # 'covert' is secret; WordNet keeps it in another adjective cluster
large|large,huge|enorm,enorme  # 'huge' is large; WordNet keeps them in separate adjective clusters, which the matcher does not join
star|starred,starring|hoofdrol  # Dutch 'de hoofdrol spelen' (to star); ODWN has no link
study|studied,educated  # 'educated at X' says that someone studied there; WordNet has no link
found|founded,cofounded,co-founded|opgericht  # 'co-founded' is not in WordNet (the separable "richtte ... op" is joined by nlp.ts)
finish|finished|rondde  # Dutch separable 'rondde ... af' (finished)
power|power,strength|macht,kracht  # 'strength' and 'power' (Dutch 'macht', 'kracht') as capability; WordNet keeps them apart within the first 3 senses
crisis|crisis,crises|crises  # Dutch plural 'crises'; ODWN has only 'crisis'
parliament|parliament,parliamentary|parlementair  # the adjective backs the noun ('a parliamentary vote'); the matcher does not follow WordNet's derivations
outside|outside,outdoors,outdoor|buiten  # words of place (a closed class): ODWN has no 'buiten', WordNet no prepositions
behind|behind|achter  # words of place: ODWN has 'achter' only as the noun 'rear'
beside|beside,next|naast  # 'next to' / 'naast': ODWN has no 'naast'
around|around|rond,rondom  # words of place: ODWN's 'rond' is the adjective 'round' in the matcher's reach
near|near,nearby|dichtbij,nabij,buurt  # 'near' / 'in de buurt van', 'dichtbij': ODWN has 'buurt' only as neighbourhood
along|along|langs  # words of place: ODWN has no 'langs'
another|another|ander,andere  # 'another' / 'een ander(e)': ODWN has no 'ander'
`;

const RETRIEVAL = `
kill|kill,killed,killing,kills,dead,death,deaths,die,died,dies,dying,fatalities,fatality,slain,perished,murder,murdered|doden,dode,gedood,dood,doodt,sterven,stierf,stierven,gestorven,omgekomen,omkomen,overleden,overlijden,vermoord,moord
injure|injured,injuries,injury,wounded,wound,wounding|gewond,gewonden,gewonde,verwond,verwondingen,letsel
attack|attack,attacks,attacked,attacking,assault,strike,strikes,raid,raids,offensive|aanval,aanvallen,aanvalt,aangevallen,aanslag,aanslagen,overval,offensief
bomb|bomb,bombs,bombing,bombings,explosive,explosives,explosion,blast,bombed|bom,bommen,bomaanslag,explosief,explosieven,explosie,ontploffing
shoot|shot,shoot,shoots,shooting,shootings,gunfire,fired,gunman,gunmen|schiet,schieten,schoot,schoten,neergeschoten,beschoten,geschoten,schietpartij,schutter
weapon|weapon,weapons,arms,guns,gun,rifle,rifles|wapen,wapens,geweer,geweren,vuurwapen,vuurwapens
sell|sold,sell,sells,selling,sale,sales|verkocht,verkopen,verkoopt,verkoop,verkochten
buy|bought,buy,buys,purchase,purchased|kocht,kopen,koopt,gekocht,aankoop
video|video,videos,footage,clip|video,video's,beelden,filmpje
photo|photo,photos,photograph,picture,image,images|foto,foto's,afbeelding,beeld
mosque|mosque,mosques|moskee,moskeeen
church|church,churches|kerk,kerken
capital|capital|hoofdstad
recognize|recognize,recognise,recognized,recognised,recognition,recognizes,recognises,recognising|erkent,erkennen,erkend,erkenning,erkende
declare|declare,declared,declares,declaration,announce,announced,announces,announcement,proclaim,proclaimed|verklaart,verklaren,verklaard,verklaring,verklaarde,kondigt,aangekondigd,aankondiging,kondigde,uitgeroepen
war|war,wars,warfare|oorlog,oorlogen
publish|released,release,publish,published,publishes,issued,posted,posted|gepubliceerd,publiceert,publiceren,publiceerde,vrijgegeven,uitgebracht
arrest|arrest,arrested,arrests,detain,detained,detention,custody,apprehended|arrestatie,gearresteerd,arresteren,aangehouden,opgepakt,vastgezet,hechtenis
branch|branch,wing,affiliate,offshoot|tak,afdeling,vleugel,filiaal
fighter|fighter,fighters,militant,militants,jihadist,jihadists,insurgent,insurgents,combatant,combatants|strijder,strijders,militant,militanten,jihadist,jihadisten,opstandeling,opstandelingen
soldier|soldier,soldiers,troops,troop|soldaat,soldaten,militair,militairen,troepen
police|police,officers,policeman,policemen,officer|politie,agent,agenten,politieagent,politieagenten
execute|execute,executed,execution,executions,beheaded,beheading|executeren,executie,executies,geexecuteerd,onthoofd,onthoofding
call|call,calls,called,urge,urged,urges,appeal,appealed|roept,oproep,oproepen,opgeroepen
supporter|supporter,supporters,follower,followers,sympathizers,sympathisers,adherents|aanhanger,aanhangers,volgeling,volgelingen,sympathisanten
leader|leader,leaders,chief|leider,leiders
spokesman|spokesman,spokeswoman,spokesperson|woordvoerder,woordvoerster
government|government,governments,administration,cabinet|regering,regeringen,overheid,kabinet
president|president,presidents|president,presidenten
minister|minister,ministers|minister,ministers
border|border,borders,frontier|grens,grenzen
control|control,controls,controlled|controle,controles,gecontroleerd,controleert
security|security,safety|veiligheid,beveiliging
threat|threat,threats,threaten,threatened,threatens|dreiging,bedreiging,bedreigt,bedreigd,dreigt,dreigde
tension|tension,tensions|spanning,spanningen
group|group,groups,organization,organisation,organizations|groep,groepen,groepering,groeperingen,organisatie,organisaties
member|member,members,membership|lid,leden,lidmaatschap
rival|rival,rivals,rivalry,competing|rivaal,rivalen,rivaliserende,rivaliteit
people|people,persons,person,individuals|mensen,personen,persoon,individuen
civilian|civilian,civilians|burger,burgers
child|child,children,kids,minors|kind,kinderen,minderjarigen
woman|woman,women|vrouw,vrouwen
man|man,men|man,mannen
passenger|passenger,passengers|passagier,passagiers
ship|ship,ships,ferry,ferries,boat,boats,vessel|schip,schepen,veerboot,veerboten,boot,boten,vaartuig
plane|plane,planes,aircraft,airplane,jet|vliegtuig,vliegtuigen,toestel
city|city,cities,town,towns|stad,steden
country|country,countries,nation,nations|land,landen,natie,naties
budget|budget,budgets|begroting,begrotingen,budget,budgetten
money|money,funds,funding,cash|geld,fondsen,financiering
cost|cost,costs,costing|kosten,kost,kostte
pay|pay,paid,pays,payment|betalen,betaald,betaalt,betaling
tax|tax,taxes|belasting,belastingen
price|price,prices|prijs,prijzen
election|election,elections,vote,votes,voting,poll,polls,ballot|verkiezing,verkiezingen,stemming,stemmen
win|won,win,wins,victory|won,winnen,gewonnen,overwinning
lose|lost,lose,loses,defeat|verloor,verliezen,verloren,nederlaag
party|party,parties|partij,partijen
court|court,courts,tribunal|rechtbank,hof,tribunaal
judge|judge,judges|rechter,rechters
law|law,laws,legislation|wet,wetten,wetgeving
sentence|sentenced,sentence|veroordeeld,veroordeling,vonnis
prison|prison,prisons,jail,jails|gevangenis,gevangenissen
prisoner|prisoner,prisoners,detainee,detainees,captive,captives|gevangene,gevangenen,gedetineerde,gedetineerden
protest|protest,protests,protesters,demonstration,demonstrations,demonstrators|protest,protesten,betoging,betogingen,demonstratie,demonstraties,betogers,demonstranten
agreement|agreement,deal,accord,treaty,pact|akkoord,overeenkomst,verdrag,deal,pact
talks|talks,negotiations,negotiate,negotiated|gesprekken,onderhandelingen,onderhandelen,overleg
ceasefire|ceasefire,truce|staakt-het-vuren,wapenstilstand,bestand
peace|peace|vrede
refugee|refugee,refugees|vluchteling,vluchtelingen
flee|fled,flee,flees,fleeing,escape,escaped|vluchtte,vluchten,gevlucht,ontsnapt,ontsnapte
aid|aid,help,assistance,relief|hulp,bijstand,noodhulp
hospital|hospital,hospitals,clinic|ziekenhuis,ziekenhuizen,kliniek
school|school,schools|school,scholen
house|house,houses,home,homes|huis,huizen,woning,woningen
destroy|destroyed,destroy,destroys,destruction,demolished,razed|vernietigd,vernietigen,verwoest,verwoesting,gesloopt
build|built,build,builds,construction,constructed|gebouwd,bouwen,bouwt,bouw
report|report,reports,reported,reporting|rapport,rapporten,meldt,meldde,gemeld,bericht,berichten,berichtte
say|said,say,says,stated,told,tell|zei,zegt,zeggen,gezegd,verklaarde,vertelde
claim|claim,claims,claimed,asserted|claim,claimt,claimde,beweert,beweerde,opgeëist
responsibility|responsibility,responsible|verantwoordelijkheid,verantwoordelijk
accuse|accuse,accused,accuses,accusation,allegation,blamed,blame|beschuldigt,beschuldigd,beschuldiging
investigate|investigate,investigation,investigated,probe,inquiry|onderzoek,onderzoeken,onderzocht,onderzoekt
evidence|evidence,proof|bewijs,bewijzen
warn|warn,warned,warning,warns|waarschuwt,waarschuwde,waarschuwing,gewaarschuwd
expert|expert,experts,specialist|expert,experts,experten,deskundige,deskundigen,specialist
speech|speech,address|toespraak,speech,rede
message|message,messages|boodschap,bericht,berichten
website|website,websites,site|website,websites,site
internet|internet,online|internet,online
news|news|nieuws
newspaper|newspaper,newspapers|krant,kranten,dagblad
increase|increase,increased,rise,rose,grow,grew,growth|stijging,steeg,gestegen,toename,groei,groeide
decrease|decrease,decreased,fall,fell,drop,dropped,decline,declined|daling,daalde,gedaald,afname,afgenomen
year|year,years,annual|jaar,jaren,jaarlijks
month|month,months,monthly|maand,maanden,maandelijks
week|week,weeks,weekly|week,weken,wekelijks
day|day,days,daily|dag,dagen,dagelijks
hour|hour,hours|uur,uren
minute|minute,minutes|minuut,minuten
second|second,seconds|seconde,seconden
percent|percent,percentage|procent,percentage
million|million,millions|miljoen,miljoenen
billion|billion,billions|miljard,miljarden
thousand|thousand,thousands|duizend,duizenden
hundred|hundred,hundreds|honderd,honderden
begin|begin,began,begun,start,started,launch,launched|begon,beginnen,begonnen,start,startte,gestart,lanceerde
end|end,ended,ends|einde,eindigde,beeindigd
return|return,returned,returns|terugkeer,keerde,teruggekeerd
visit|visit,visited,visits|bezoek,bezocht,bezoekt
meet|meet,met,meeting,meetings|ontmoeting,ontmoette,vergadering,vergaderde
open|open,opened,opening|open,opende,geopend,opening
close|close,closed,closure|sluiten,sloot,gesloten,sluiting
ban|ban,banned,bans,prohibit,prohibited|verbod,verbieden,verboden,verbood
allow|allow,allowed,permit,permitted|toestaan,toegestaan
refuse|refuse,refused,reject,rejected|weigert,weigerde,geweigerd,verwerpt,verworpen
support|support,supported,supports,backing,backed|steun,steunen,steunt,gesteund
oppose|oppose,opposed,opposition|verzet,tegenstand,oppositie
religion|religion,religious,faith|religie,geloof,religieus
muslim|muslim,muslims,islamic|moslim,moslims,islamitisch,islamitische
jewish|jewish,jews,jew|joods,joodse,joden,jood
christian|christian,christians|christen,christenen,christelijk,christelijke
holy|holy,sacred|heilig,heilige
site|site,sites|plaats,locatie,plek
area|area,region,zone,territory|gebied,regio,zone,grondgebied
village|village,villages|dorp,dorpen
camp|camp,camps|kamp,kampen
road|road,roads,street,streets|weg,wegen,straat,straten
car|car,cars,vehicle,vehicles|auto,auto's,voertuig,voertuigen
rocket|rocket,rockets,missile,missiles|raket,raketten
airstrike|airstrike,airstrikes,bombardment|luchtaanval,luchtaanvallen,bombardement
tunnel|tunnel,tunnels|tunnel,tunnels
fire|fire,fires,blaze|brand,branden,vuur
water|water|water
food|food|voedsel,eten
electricity|electricity|elektriciteit
health|health|gezondheid
disease|disease,epidemic|ziekte,epidemie
company|company,companies,firm,firms,business|bedrijf,bedrijven,onderneming,firma
worker|worker,workers,employee,employees,staff|werknemer,werknemers,personeel,medewerkers,arbeiders
job|job,jobs,employment|baan,banen,werkgelegenheid
student|student,students,pupils|student,studenten,leerlingen
journalist|journalist,journalists,reporter,reporters|journalist,journalisten,verslaggever,verslaggevers
family|family,families,relatives|familie,families,gezin,gezinnen,familieleden
victim|victim,victims|slachtoffer,slachtoffers
missing|missing|vermist,vermisten,vermiste
rescue|rescue,rescued,saved|redding,gered,redden,redde
accident|accident,crash,collision|ongeluk,ongeval,crash,botsing
sink|sank,sink,sunk|zonk,gezonken,zinken
travel|travel,travelled,traveled,trip,journey|reis,reizen,reisde
secret|secret,secretly,covert|geheim,geheime,heimelijk
new|new|nieuw,nieuwe
old|old|oud,oude
large|large,big,huge|groot,grote,enorm,enorme
small|small,little|klein,kleine
film|film,films,movie,movies|film,films,speelfilm,rolprent
actor|actor,actors,actress,actresses,performer|acteur,acteurs,actrice,actrices
song|song,songs|lied,liedje,nummer,nummers
album|album,albums|album,albums,plaat,platen
book|book,books,novel,novels|boek,boeken,roman,romans
author|author,authors,writer,writers,novelist|auteur,auteurs,schrijver,schrijvers,schrijfster
write|write,wrote,written,writes,writing,authored|schrijven,schreef,geschreven,schrijft
director|director,directors,filmmaker|regisseur,regisseurs
direct|directed,direct,directs,directing|regisseerde,geregisseerd,regisseert
singer|singer,singers,vocalist|zanger,zangers,zangeres
band|band,bands|band,bands
team|team,teams,club,clubs,squad|team,teams,club,clubs,ploeg,ploegen,elftal
player|player,players|speler,spelers
star|starred,starring,stars,star|hoofdrol
birth|born,birth,birthplace|geboren,geboorte,geboorteplaats
marry|married,marry,marriage,wedding,wed|trouwde,getrouwd,huwelijk,huwde
study|studied,study,studies,studying,educated|studeerde,gestudeerd,studeren,studie
graduate|graduated,graduate,graduation|afgestudeerd
teach|taught,teach,teacher,teachers,teaching|doceerde,leraar,lerares,docent,docenten,onderwijzen
found|founded,founder,founders,established,establish,cofounded,co-founded|opgericht,oprichter,oprichters
finish|finished,finish,concluded,conclude,completed,complete|voltooid,voltooide,afgerond,rondde
award|award,awards,prize,prizes|prijs,prijzen,onderscheiding
win_award|nominated,nomination|genomineerd,nominatie
power|power,strength,might,capability,capabilities,capacity,force|macht,kracht,vermogen,slagkracht
largescale|large-scale,massive|grootschalig,grootschalige
perform|carry,carried,conduct,conducted,perform,performed,commit,committed|voeren,uitvoeren,uitgevoerd,voerde,plegen,pleegde,pleegt,gepleegd
cooperate|cooperate,cooperated,cooperating,cooperation,collaborate,collaborated,collaboration,collaborating|samenwerken,samenwerking,samengewerkt
stability|stability,stable|stabiliteit,stabiel
danger|danger,dangerous|gevaar,gevaarlijk,gevaarlijke
fear|fear,fears,feared,afraid|angst,vrees,vreest,vreesde,bang
crisis|crisis,crises|crisis,crises
economy|economy,economic,economies|economie,economisch,economische
market|market,markets|markt,markten
share|shares,stock,stocks|aandelen,aandeel
profit|profit,profits,earnings|winst,winsten
loss|losses|verlies,verliezen
debt|debt,debts|schuld,schulden
bank|bank,banks|bank,banken
trade|trade,trading|handel,handelen
oil|oil|olie
energy|energy|energie
climate|climate|klimaat
storm|storm,storms,hurricane,cyclone|storm,stormen,orkaan
flood|flood,floods,flooding|overstroming,overstromingen
earthquake|earthquake,earthquakes,quake|aardbeving,aardbevingen
island|island,islands|eiland,eilanden
port|port,harbour,harbor,ports|haven,havens
bridge|bridge,bridges|brug,bruggen
train|train,trains|trein,treinen
bus|bus,buses|bus,bussen
airport|airport,airports|luchthaven,vliegveld
minister_prime|premier,prime|premier,minister-president
mayor|mayor,mayors|burgemeester,burgemeesters
council|council,councils|raad,gemeenteraad
parliament|parliament,parliamentary,legislature|parlement,parlementair
vote_verb|voted,vote|stemde,stemden,gestemd
`;

/** The overlay concepts of each stem and folded word, in table order (a word may be in several lines). */
const all: Record<'en' | 'nl', Map<string, string[]>> = { en: new Map(), nl: new Map() };
/** The overlay and the index-only translations: conceptOf() (index) reads this one. */
const index: Record<'en' | 'nl', Map<string, string[]>> = { en: new Map(), nl: new Map() };

load(TABLE, all);
load(TABLE, index);
load(RETRIEVAL, index);

function load(table: string, into: Record<'en' | 'nl', Map<string, string[]>>): void {
  for (const line of table.split('\n')) {
    const parts = line.replace(/\s+#.*$/, '').trim().split('|');
    if (parts.length !== 3) continue;
    const id = parts[0];
    (['en', 'nl'] as const).forEach((l, idx) => {
      for (const raw of parts[idx + 1].split(',')) {
        const w = fold(raw.trim());
        // Concepts are looked up word by word: a phrase here would never match.
        if (w.includes(' ')) throw new Error(`synonyms: "${w}" is a phrase; entries are single words`);
        if (!w) continue;
        const st = stemWord(w, l);
        for (const k of [st, w]) {
          const list = into[l].get(k) ?? [];
          if (!list.includes(id)) list.push(id);
          into[l].set(k, list);
        }
      }
    });
  }
}

/**
 * Index concept id (overlay, then RETRIEVAL) of a stem (or folded word) in a language, e.g.
 * conceptOf("kill", "en") === conceptOf("dod", "nl") === "kill". 'und' tries both.
 */
export function conceptOf(stem: string, lang: LanguageCode): string | undefined {
  if (lang === 'nl') return index.nl.get(stem)?.[0];
  if (lang === 'en') return index.en.get(stem)?.[0];
  return index.en.get(stem)?.[0] ?? index.nl.get(stem)?.[0];
}

/** Every overlay concept id of a stem (or folded word), first line first: what the matcher adds to the lexicon's synsets. */
export function conceptIds(stem: string, lang: LanguageCode): readonly string[] {
  if (lang === 'nl') return all.nl.get(stem) ?? NONE;
  if (lang === 'en') return all.en.get(stem) ?? NONE;
  return [...new Set([...(all.en.get(stem) ?? NONE), ...(all.nl.get(stem) ?? NONE)])];
}
const NONE: readonly string[] = [];

/** The tables as text, for the index's analyzer fingerprint (engine.ts). */
export const SYNONYM_TABLES = `${TABLE}\n${RETRIEVAL}`;
