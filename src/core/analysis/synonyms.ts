/**
 * Concept table: frequent news verbs and nouns in English and Dutch mapped to
 * shared concept ids, so "killed"/"dead"/"doden" or "attack"/"aanslag"/"aanval"
 * align across languages and paraphrases. Each line: id | English words | Dutch words.
 * Words are folded and stemmed with their language's stemmer at load; conceptOf()
 * takes a stem (or folded word) and a language. General vocabulary only.
 */
import type { LanguageCode } from '../types';
import { fold } from './fold';
import { stemWord } from './stem';

const TABLE = `
kill|kill,killed,killing,kills,dead,death,deaths,die,died,dies,dying,fatalities,fatality,lives,slain,perished,murder,murdered|doden,dode,gedood,dood,doodt,sterven,stierf,stierven,gestorven,omgekomen,omkomen,overleden,overlijden,slachtoffers,vermoord,moord,dodelijk,levens
injure|injured,injuries,injury,wounded,wound,wounding,hurt|gewond,gewonden,gewonde,verwond,verwondingen,raakte,letsel
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
declare|declare,declared,declares,declaration,announce,announced,announces,announcement,proclaim,proclaimed|verklaart,verklaren,verklaard,verklaring,verklaarde,kondigt,aangekondigd,aankondiging,kondigde,riep,uitgeroepen
war|war,wars,warfare|oorlog,oorlogen
publish|released,release,publish,published,publishes,issued,posted,posted|gepubliceerd,publiceert,publiceren,publiceerde,verspreid,verspreidde,vrijgegeven,uitgebracht
arrest|arrest,arrested,arrests,detain,detained,detention,custody,apprehended|arrestatie,gearresteerd,arresteren,aangehouden,opgepakt,vastgezet,opgesloten,hechtenis
branch|branch,wing,affiliate,offshoot,division|tak,afdeling,vleugel,filiaal
fighter|fighter,fighters,militant,militants,jihadist,jihadists,insurgent,insurgents,combatant,combatants|strijder,strijders,militant,militanten,jihadist,jihadisten,opstandeling,opstandelingen
soldier|soldier,soldiers,troops,troop,army|soldaat,soldaten,militair,militairen,troepen,leger
police|police,officers,policeman,policemen,officer|politie,agent,agenten,politieagent,politieagenten
execute|execute,executed,execution,executions,beheaded,beheading|executeren,executie,executies,geexecuteerd,onthoofd,onthoofding
call|call,calls,called,urge,urged,urges,appeal,appealed|roept,oproep,oproepen,riep,opgeroepen,dringt,aandringen
supporter|supporter,supporters,follower,followers,sympathizers,sympathisers,adherents|aanhanger,aanhangers,volgeling,volgelingen,sympathisanten
leader|leader,leaders,chief|leider,leiders,chef,kopstuk
spokesman|spokesman,spokeswoman,spokesperson|woordvoerder,woordvoerster
government|government,governments,administration,cabinet|regering,regeringen,overheid,kabinet,bewind
president|president,presidents|president,presidenten
minister|minister,ministers|minister,ministers
border|border,borders,crossing,frontier|grens,grenzen,grensovergang
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
plane|plane,planes,aircraft,airplane,jet,flight|vliegtuig,vliegtuigen,toestel,vlucht
city|city,cities,town,towns|stad,steden,gemeente
country|country,countries,nation,nations,state|land,landen,natie,naties,staat
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
court|court,courts,tribunal|rechtbank,hof,rechter,tribunaal
judge|judge,judges|rechter,rechters
law|law,laws,legislation,bill|wet,wetten,wetgeving,wetsvoorstel
sentence|sentenced,sentence,jailed,convicted|veroordeeld,veroordeling,vonnis,straf
prison|prison,prisons,jail,jails|gevangenis,gevangenissen,cel
prisoner|prisoner,prisoners,detainee,detainees,captive,captives,hostage,hostages|gevangene,gevangenen,gedetineerde,gedetineerden,gijzelaar,gijzelaars
protest|protest,protests,protesters,demonstration,demonstrations,demonstrators,rally|protest,protesten,betoging,betogingen,demonstratie,demonstraties,betogers,demonstranten
agreement|agreement,deal,accord,treaty,pact|akkoord,overeenkomst,verdrag,deal,pact
talks|talks,negotiations,negotiate,negotiated|gesprekken,onderhandelingen,onderhandelen,overleg
ceasefire|ceasefire,truce|staakt-het-vuren,wapenstilstand,bestand
peace|peace|vrede
refugee|refugee,refugees,displaced,asylum|vluchteling,vluchtelingen,ontheemden,asiel
flee|fled,flee,flees,fleeing,escape,escaped|vluchtte,vluchten,gevlucht,ontsnapt,ontsnapte
aid|aid,help,assistance,relief|hulp,steun,bijstand,noodhulp
hospital|hospital,hospitals,clinic|ziekenhuis,ziekenhuizen,kliniek
school|school,schools|school,scholen
house|house,houses,home,homes,building,buildings|huis,huizen,woning,woningen,gebouw,gebouwen
destroy|destroyed,destroy,destroys,destruction,demolished,razed|vernietigd,vernietigen,verwoest,verwoesting,gesloopt
build|built,build,builds,construction,constructed|gebouwd,bouwen,bouwt,bouw
report|report,reports,reported,reporting|rapport,rapporten,meldt,meldde,gemeld,bericht,berichten,berichtte
say|said,say,says,stated,told,tell|zei,zegt,zeggen,gezegd,verklaarde,vertelde
claim|claim,claims,claimed,asserted|claim,claimt,claimde,beweert,beweerde,opgeëist,eist
responsibility|responsibility,responsible|verantwoordelijkheid,verantwoordelijk
accuse|accuse,accused,accuses,accusation,allegation,blamed,blame|beschuldigt,beschuldigd,beschuldiging,verwijt,verwijten,verweten
investigate|investigate,investigation,investigated,probe,inquiry|onderzoek,onderzoeken,onderzocht,onderzoekt
evidence|evidence,proof|bewijs,bewijzen
warn|warn,warned,warning,warns|waarschuwt,waarschuwde,waarschuwing,gewaarschuwd
expert|expert,experts,analyst,analysts,specialist|expert,experts,experten,deskundige,deskundigen,analist,analisten,specialist
speech|speech,address,statement|toespraak,speech,verklaring,rede
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
return|return,returned,returns|terugkeer,keerde,teruggekeerd,terug
visit|visit,visited,visits|bezoek,bezocht,bezoekt
meet|meet,met,meeting,meetings|ontmoeting,ontmoette,vergadering,vergaderde
open|open,opened,opening|open,opende,geopend,opening
close|close,closed,closure|sluiten,sloot,gesloten,sluiting
ban|ban,banned,bans,prohibit,prohibited|verbod,verbieden,verboden,verbood
allow|allow,allowed,permit,permitted|toestaan,toegestaan,staat,liet
refuse|refuse,refused,reject,rejected,deny,denied|weigert,weigerde,geweigerd,verwerpt,verworpen,ontkent,ontkende
support|support,supported,supports,backing,backed|steun,steunen,steunt,gesteund
oppose|oppose,opposed,opposition|verzet,tegenstand,oppositie
religion|religion,religious,faith|religie,geloof,religieus
muslim|muslim,muslims,islamic|moslim,moslims,islamitisch,islamitische
jewish|jewish,jews,jew|joods,joodse,joden,jood
christian|christian,christians|christen,christenen,christelijk,christelijke
holy|holy,sacred|heilig,heilige
site|site,sites,place,location|plaats,locatie,plek
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
electricity|electricity,power|elektriciteit,stroom
health|health|gezondheid
disease|disease,virus,outbreak,epidemic|ziekte,virus,uitbraak,epidemie
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
sink|sank,sink,sunk,capsized|zonk,gezonken,zinken,kapseisde,omgeslagen
board|aboard,onboard|
travel|travel,travelled,traveled,trip,journey|reis,reizen,reisde
secret|secret,secretly,covert|geheim,geheime,heimelijk
new|new|nieuw,nieuwe
old|old,former|oud,oude,voormalig,voormalige
large|large,big,huge,major|groot,grote,enorm,enorme
small|small,little,minor|klein,kleine
film|film,films,movie,movies|film,films,speelfilm,rolprent
actor|actor,actors,actress,actresses,performer|acteur,acteurs,actrice,actrices
song|song,songs,single,singles,track,tracks|lied,liedje,nummer,nummers,single
album|album,albums,record,records|album,albums,plaat,platen
book|book,books,novel,novels|boek,boeken,roman,romans
author|author,authors,writer,writers,novelist|auteur,auteurs,schrijver,schrijvers,schrijfster
write|write,wrote,written,writes,writing,authored|schrijven,schreef,geschreven,schrijft
director|director,directors,filmmaker|regisseur,regisseurs
direct|directed,direct,directs,directing|regisseerde,geregisseerd,regisseert
singer|singer,singers,vocalist|zanger,zangers,zangeres
band|band,bands|band,bands
team|team,teams,club,clubs,squad|team,teams,club,clubs,ploeg,ploegen,elftal
player|player,players|speler,spelers
star|starred,starring,stars,star|speelde,hoofdrol
birth|born,birth,birthplace|geboren,geboorte,geboorteplaats
marry|married,marry,marriage,wedding,wed|trouwde,getrouwd,huwelijk,huwde
study|studied,study,studies,studying,educated|studeerde,gestudeerd,studeren,studie
graduate|graduated,graduate,graduation|afgestudeerd,diploma
teach|taught,teach,teacher,teachers,teaching|doceerde,leraar,lerares,docent,docenten,onderwijzen
found|founded,founder,founders,established,establish,cofounded,co-founded|opgericht,oprichter,oprichters,richtte
finish|finished,finish,concluded,conclude,completed,complete|voltooid,voltooide,afgerond,rondde
award|award,awards,prize,prizes|prijs,prijzen,onderscheiding
win_award|nominated,nomination|genomineerd,nominatie
power|power,strength,might,capability,capabilities,capacity,force|macht,kracht,vermogen,slagkracht
largescale|large-scale,massive,widespread,sweeping|grootschalig,grootschalige,massaal,massale,omvangrijk,omvangrijke
perform|carry,carried,conduct,conducted,perform,performed,commit,committed|voeren,uitvoeren,uitgevoerd,voerde,plegen,pleegde,pleegt,gepleegd
cooperate|cooperate,cooperated,cooperating,cooperation,collaborate,collaborated,collaboration,collaborating|samenwerken,samenwerking,samengewerkt
stability|stability,stable,calm|stabiliteit,stabiel,rust
danger|danger,dangerous,risk,risks|gevaar,gevaarlijk,gevaarlijke,risico,risico's
fear|fear,fears,feared,afraid|angst,vrees,vreest,vreesde,bang
crisis|crisis,crises|crisis,crises
economy|economy,economic,economies|economie,economisch,economische
market|market,markets|markt,markten
share|shares,stock,stocks|aandelen,aandeel
profit|profit,profits,earnings|winst,winsten
loss|losses,deficit|verlies,verliezen,tekort
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
train|train,trains,railway|trein,treinen,spoor
bus|bus,buses|bus,bussen
airport|airport,airports|luchthaven,vliegveld
minister_prime|premier,prime|premier,minister-president
mayor|mayor,mayors|burgemeester,burgemeesters
council|council,councils|raad,gemeenteraad
parliament|parliament,parliamentary,legislature|parlement,parlementair
vote_verb|voted,vote|stemde,stemden,gestemd
`;

/** The concepts of each stem and folded word, in table order (a word may be in several lines: "power" is electricity and strength). */
const all: Record<'en' | 'nl', Map<string, string[]>> = { en: new Map(), nl: new Map() };

for (const line of TABLE.split('\n')) {
  const parts = line.trim().split('|');
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
        const list = all[l].get(k) ?? [];
        if (!list.includes(id)) list.push(id);
        all[l].set(k, list);
      }
    }
  });
}

/**
 * Shared concept id of a stem (or folded word) in a language, e.g.
 * conceptOf("kill", "en") === conceptOf("dod", "nl") === "kill". 'und' tries both.
 */
export function conceptOf(stem: string, lang: LanguageCode): string | undefined {
  if (lang === 'nl') return all.nl.get(stem)?.[0];
  if (lang === 'en') return all.en.get(stem)?.[0];
  return all.en.get(stem)?.[0] ?? all.nl.get(stem)?.[0];
}

/** Every concept id of a stem (or folded word), first line first; conceptOf gives the first. */
export function conceptIds(stem: string, lang: LanguageCode): readonly string[] {
  if (lang === 'nl') return all.nl.get(stem) ?? NONE;
  if (lang === 'en') return all.en.get(stem) ?? NONE;
  return [...new Set([...(all.en.get(stem) ?? NONE), ...(all.nl.get(stem) ?? NONE)])];
}
const NONE: readonly string[] = [];
