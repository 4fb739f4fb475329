/**
 * Irregular inflections that a suffix stemmer cannot join to their base form:
 * English irregular verbs (sold -> sell, taught -> teach, fled -> flee) and Dutch
 * strong verbs (verkocht -> verkopen, schoot -> schieten, stierf -> sterven).
 * stemWord() maps a folded word through this table before Snowball, so "sold" and
 * "sells" share a stem. Ambiguous forms (wound, found, saw, lay, ground) are left out.
 */
import { dict } from './dict';

const EN = `
arise:arose,arisen awake:awoke,awoken be:was,were,been beat:beaten become:became begin:began,begun bend:bent bet:bet
bind:bound bite:bit,bitten bleed:bled blow:blew,blown break:broke,broken bring:brought build:built burn:burnt buy:bought
catch:caught choose:chose,chosen come:came cling:clung creep:crept deal:dealt dig:dug do:did,done draw:drew,drawn
dream:dreamt drink:drank,drunk drive:drove,driven eat:ate,eaten fall:fell,fallen feed:fed feel:felt fight:fought
flee:fled fly:flew,flown forbid:forbade,forbidden forget:forgot,forgotten forgive:forgave,forgiven freeze:froze,frozen
get:got,gotten give:gave,given go:went,gone grow:grew,grown hang:hung have:had,has hear:heard hide:hid,hidden hold:held
keep:kept know:knew,known lead:led leave:left lend:lent lose:lost make:made mean:meant meet:met overcome:overcame
overtake:overtook,overtaken pay:paid ride:rode,ridden ring:rang,rung rise:rose,risen run:ran say:said seek:sought
sell:sold send:sent shake:shook,shaken shine:shone shoot:shot shrink:shrank,shrunk sing:sang,sung sink:sank,sunk
sit:sat sleep:slept slide:slid speak:spoke,spoken speed:sped spend:spent spin:spun stand:stood steal:stole,stolen
stick:stuck sting:stung strike:struck strive:strove,striven swear:swore,sworn sweep:swept swim:swam,swum swing:swung
take:took,taken teach:taught tear:tore,torn tell:told think:thought throw:threw,thrown undergo:underwent,undergone
understand:understood undertake:undertook,undertaken uphold:upheld wake:woke,woken wear:wore,worn weep:wept win:won
withdraw:withdrew,withdrawn withhold:withheld write:wrote,written seize:seized flee:fleeing die:dying lie:lying
child:children man:men woman:women person:people mouse:mice foot:feet tooth:teeth
`;

const NL = `
zijn:was,waren,geweest worden:werd,werden,geworden hebben:had,hadden,gehad gaan:ging,gingen,gegaan
komen:kwam,kwamen,gekomen nemen:nam,namen,genomen geven:gaf,gaven,gegeven zien:zag,zagen,gezien
spreken:sprak,spraken,gesproken schrijven:schreef,schreven,geschreven blijven:bleef,bleven,gebleven
lopen:liep,liepen,gelopen vliegen:vloog,vlogen,gevlogen breken:brak,braken,gebroken winnen:won,wonnen,gewonnen
verliezen:verloor,verloren beginnen:begon,begonnen zeggen:zei,zeiden,gezegd doen:deed,deden,gedaan
houden:hield,hielden,gehouden roepen:riep,riepen,geroepen trekken:trok,trokken,getrokken vallen:viel,vielen,gevallen
dragen:droeg,droegen,gedragen slaan:sloeg,sloegen,geslagen sluiten:sloot,sloten,gesloten bieden:bood,boden,geboden
verbieden:verbood,verboden kiezen:koos,kozen,gekozen vechten:vocht,vochten,gevochten grijpen:greep,grepen,gegrepen
laten:liet,lieten,gelaten staan:stond,stonden,gestaan zitten:zat,zaten,gezeten liggen:lag,lagen,gelegen
weten:wist,wisten,geweten brengen:bracht,brachten,gebracht denken:dacht,dachten,gedacht zoeken:zocht,zochten,gezocht
kopen:kocht,kochten,gekocht verkopen:verkocht,verkochten schieten:schoot,schoten,geschoten
sterven:stierf,stierven,gestorven vinden:vond,vonden,gevonden vluchten:gevlucht helpen:hielp,hielpen,geholpen
drijven:dreef,dreven,gedreven rijden:reed,gereden lijden:leed,geleden snijden:sneed,sneden,gesneden
bijten:beet,beten,gebeten wijzen:wees,wezen,gewezen verdwijnen:verdween,verdwenen,verdwenen
ontvangen:ontving,ontvingen schenden:schond,schonden,geschonden aanvallen:viel,vielen,aangevallen
ontsnappen:ontsnapte,ontsnapt vergeten:vergat,vergaten sturen:stuurde,stuurden,gestuurd
verschijnen:verscheen,verschenen,verschenen bevelen:beval,bevalen,bevolen verbergen:verborg,verborgen
vragen:vroeg,vroegen,gevraagd
bederven:bedierf,bedierven,bedorven bedriegen:bedroog,bedrogen bergen:borg,borgen,geborgen bewegen:bewoog,bewogen
bezwijken:bezweek,bezweken bidden:bad,baden,gebeden binden:bond,bonden,gebonden blazen:blies,bliezen,geblazen
blijken:bleken,gebleken buigen:gebogen dringen:drong,drongen,gedrongen drinken:dronk,gedronken
duiken:dook,doken,gedoken dwingen:dwong,dwongen,gedwongen eten:at,aten,gegeten fluiten:floot,floten,gefloten
gelden:gold,golden,gegolden genieten:genoot,genoten gieten:goot,goten,gegoten glijden:gleed,gleden,gegleden
graven:groef,groeven,gegraven hangen:hing,hingen,gehangen heffen:hief,hieven,geheven hijsen:hesen,gehesen
jagen:joeg,joegen kijken:keek,keken,gekeken klimmen:klom,klommen,geklommen klinken:klonk,klonken,geklonken
knijpen:kneep,knepen,geknepen krijgen:kreeg,kregen,gekregen krimpen:kromp,krompen,gekrompen kruipen:kroop,kropen,gekropen
lezen:las,lazen,gelezen liegen:loog,logen,gelogen lijken:leek,leken,geleken meten:gemeten
mijden:meed,meden,gemeden prijzen:prees,prezen,geprezen rijzen:rees,rezen,gerezen ruiken:geroken
schelden:schold,scholden,gescholden schenken:schonk,schonken,geschonken scheppen:schiep,schiepen,geschapen
scheren:schoor,schoren,geschoren schrikken:schrok,schrokken,geschrokken schuiven:schoof,schoven,geschoven
slapen:sliep,sliepen,geslapen sluipen:sloop,geslopen smelten:smolt,smolten,gesmolten smijten:smeet,smeten,gesmeten
springen:sprong,sprongen,gesprongen steken:stak,gestoken stelen:gestolen stijgen:steeg,stegen,gestegen
strijden:streed,streden,gestreden treden:trad,traden,getreden treffen:trof,troffen,getroffen vangen:ving,vingen,gevangen
varen:gevaren vriezen:vroor,vroren,gevroren werpen:wierp,wierpen,geworpen werven:wierf,wierven,geworven
wegen:woog,wogen,gewogen zenden:zond,gezonden zingen:zong,zongen,gezongen zinken:zonk,zonken,gezonken
zuigen:zoog,zogen,gezogen zwemmen:zwom,zwommen,gezwommen zweren:zwoer,zwoeren,gezworen
zwerven:zwierf,zwierven,gezworven zwijgen:zweeg,zwegen,gezwegen
`;
/**
 * Forms of the table above that are also common words of their own are left out of it:
 * leden (members; lijden), reden (reason; rijden), bleek (pale), boog/bogen (arch), mat,
 * maten (mat, measures), hees (hoarse), rook (smoke), slopen (demolish), staken (strike),
 * stal/stalen (stable, steel), voer/voeren (fodder, to conduct), week/weken (week; wijken),
 * zonden (sins) and verslagen (reports).
 *
 * A strong verb with an unstressed prefix or a particle written to it inflects as the verb
 * does ("ontsloeg" as "sloeg", "aanviel" as "viel", "verliet" as "liet"): lemma() strips one
 * and puts it before the base form it finds.
 */
const NL_PREFIXES = ['terug', 'samen', 'binnen', 'buiten', 'onder', 'over', 'door', 'voor', 'weg', 'mee', 'aan', 'ont', 'ver', 'her', 'toe', 'uit', 'af', 'op', 'in', 'na', 'om', 'be', 'er'];

function load(table: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of table.split(/\s+/)) {
    const [base, forms] = entry.split(':');
    if (!base || !forms) continue;
    for (const f of forms.split(',')) if (f && f !== base && !(f in out)) out[f] = base;
  }
  return dict(out);
}

const LEMMAS = { en: load(EN), nl: load(NL) };

/** The tables as text, for the index's analyzer fingerprint: a changed table rebuilds stale caches. */
export const LEMMA_TABLES = `${EN}\n${NL}\n${NL_PREFIXES.join(' ')}`;

/** The base form of an irregular inflection, or the word itself. */
export function lemma(norm: string, lang: 'en' | 'nl'): string {
  const hit = LEMMAS[lang][norm];
  if (hit !== undefined || lang !== 'nl') return hit ?? norm;
  for (const pre of NL_PREFIXES) {
    if (norm.length - pre.length < 3 || !norm.startsWith(pre)) continue;
    const base = LEMMAS.nl[norm.slice(pre.length)];
    if (base !== undefined) return pre + base;
  }
  return norm;
}
