"""Key terms of reported events whose French and English words share no spelling.

What news reports and history pages say happened (arrive, welcome, talks, wife, army, ceasefire,
prisoners...): general vocabulary of the genre, not names, so that two reports of one happening
can be matched on what they say as well as on who and when. Cognates (visite/visit,
délégation/delegation) are left to orthographic similarity and are not listed. Keys are folded
(no accents, lower case) and singular; plurals in -s/-x are matched through their singular.
"""

from __future__ import annotations

from align.comparable.weights import MIN_WORD

_PAIRS = """
traite: treaty
guerre: war
accord: agreement deal
pacte: pact
ambassade: embassy
ambassadeur: ambassador
urss: ussr
allemagne: germany
angleterre: england britain
etats: states
unis: united
arrivee: arrival arrived arrive arrives
arrive: arrived arrives arrival landed
arriver: arrive arrived arrival
atterrit: landed lands
atterrissent: landed land
atterri: landed
accueille: welcomed welcomes greeted greets received
accueilli: welcomed greeted received
accueillent: welcomed welcome greeted
accueil: welcome reception
accueillir: welcome host
recoit: receives received hosts
recu: received hosted
recevoir: receive host
depart: departure left
quitte: left leaves
quitter: leave
rencontre: meeting meet met
rencontrer: meet
rencontres: meetings
reunion: meeting
sommet: summit
entretien: talks talk interview
entretiens: talks
pourparler: talks negotiations
pourparlers: talks negotiations
discussion: talks discussions
negociation: negotiation negotiations talks
cessez: ceasefire
feu: fire ceasefire
paix: peace
prisonnier: prisoner prisoners
prisonniers: prisoners
echange: exchange swap
echanges: exchanges
epouse: wife
femme: wife woman
mari: husband
fils: son sons
fille: daughter
filles: daughters
enfant: child children
armee: army
armees: armies
troupe: troops
troupes: troops
soldat: soldier soldiers
bataille: battle
victoire: victory
defaite: defeat
incendie: fire blaze burning burned
feux: fires
ville: city town
capitale: capital
pays: country countries
dirigeant: leader leaders
dirigeants: leaders
chef: head chief leader
homologue: counterpart
homologues: counterparts
etranger: foreign foreigner
etrangere: foreign
etrangeres: foreign
etrangers: foreign foreigners
affaires: affairs
emissaire: envoy emissary
amiral: admiral
marechal: marshal
souverain: sovereign monarch
pape: pope
partie: side party
parties: sides parties
camp: side camp
cortege: motorcade procession
passerelle: steps gangway
equipage: crew
otage: hostage
otages: hostages
milliers: thousands
gens: people
etat: state
ministre: minister
ministres: ministers
conseiller: adviser advisor aide
envoye: envoy
secretaire: secretary
premier: first prime
premiere: first
dernier: last
derniere: last
annee: year
annees: years
jour: day days
jours: days
semaine: week
mois: month months
heure: hour hours
heures: hours
minute: minutes
lundi: monday
mardi: tuesday
mercredi: wednesday
jeudi: thursday
vendredi: friday
samedi: saturday
dimanche: sunday
hier: yesterday
demain: tomorrow
aujourd: today
voyage: trip journey
deplacement: trip visit
tournee: tour
visite: visit
conference: conference
presse: press
journaliste: reporters journalists
journalistes: reporters journalists
question: questions
questions: questions
discours: speech address
allocution: address speech
declaration: statement declaration
annonce: announced announces announcement
annonces: announced
signe: signed signs
signent: signed sign
signature: signing signed
proposition: proposal offer
propose: proposed proposes offered
refuse: refused rejected turned
rejette: rejected
arme: weapon weapons arms
armes: weapons arms
nucleaire: nuclear
nucleaires: nuclear
fusee: rocket rockets
fusees: rockets
lancement: launch launching
tir: launch
base: base
aeroport: airport
avion: plane aircraft
avions: planes aircraft jets
chasseur: fighter
chasseurs: fighters jets
tapis: carpet
rouge: red
poignee: handshake
main: hand handshake
mains: hands
salut: salute
canon: guns cannon
canons: guns
coup: shot shots
coups: shots
foule: crowd crowds
route: route road
voiture: car limousine
motard: motorcycle
motards: motorcycle motorcycles
escorte: escort
garde: guard
palais: palace
eglise: church
cathedrale: cathedral
universite: university
etudiant: students
etudiants: students
ouvrier: workers
usine: factory plant
mort: death dead killed
morts: dead killed deaths
blesse: wounded injured
blesses: wounded injured
tue: killed
pertes: losses casualties
allie: ally allies
allies: allies
alliance: alliance
occupation: occupation
zone: zone zones
frontiere: border borders
election: election
elections: elections
vote: vote
president: president
presidentielle: presidential
gouvernement: government
parlement: parliament
assemblee: assembly
conseil: council
juge: judge
tribunal: court
loi: law
sanction: sanctions
sanctions: sanctions
aide: aid
argent: money
milliard: billion
million: million
dollar: dollars
euro: euros
prix: price prize
petrole: oil
gaz: gas
uranium: uranium
charte: charter
sommets: summits
fin: end ending
debut: start beginning
sud: south
nord: north
ouest: west
occident: west
occidental: western
mer: sea
ile: island
fleuve: river
montagne: mountain
hiver: winter
ete: summer
printemps: spring
automne: autumn fall
froid: cold
neige: snow
nuit: night nights
matin: morning
soir: evening
quatre: four
cinq: five
sept: seven
huit: eight
dix: ten
cent: hundred
mille: thousand
conflit: war conflict
eventuel: possible potential
eventuelle: possible potential
avenir: future
futur: future
reprise: resumption resumed
poursuivre: continue pursue
poursuit: continues continued
brule: burned burnt burning
bruler: burn burned
incendier: burn burned
entree: entry entered
habitants: inhabitants residents people
malade: ill ailing sick
hote: host
invite: invited guest
inviter: invite
dejeuner: lunch luncheon
diner: dinner
drapeau: flag
drapeaux: flags
hymne: anthem
deces: death died
meurt: dies died
demande: request asked asks
demander: ask request
repond: replies replied answered
repondu: replied answered
declare: declared said stated
affirme: said says stated
souligne: stressed stresses underlined
promet: promises promised
menace: threat threatened threatens
attaque: attack attacked
retrait: withdrawal
ennemi: enemy
flotte: fleet
escadre: squadron
navire: ship vessel
marin: sailor sailors
port: port harbour harbor
empereur: emperor
tsar: czar tsar
roi: king
reine: queen
echec: failure failed
succes: success
isolement: isolation
puissance: power powers
grand: great big
grande: great big
grandes: great big
gagner: win won
perdre: lose lost
perdu: lost
prochain: next
prochaine: next
bientot: soon
ciel: sky
survol: flyover overflight
journal: newspaper
journaux: newspapers
lettre: letter
"""


# Titles and roles: who a passage is about, as a name is, not what happened there ("the Russian
# president" is Putin in every passage of a report of his visit). English words.
TITLES = frozenset(
    [
        "president",
        "presidents",
        "minister",
        "ministers",
        "premier",
        "prime",
        "chancellor",
        "secretary",
        "leader",
        "leaders",
        "chief",
        "head",
        "king",
        "queen",
        "emperor",
        "czar",
        "tsar",
        "pope",
        "general",
        "marshal",
        "admiral",
        "ambassador",
        "envoy",
        "counterpart",
        "counterparts",
        "adviser",
        "advisor",
        "aide",
        "aides",
        "spokesman",
        "spokeswoman",
        "governor",
        "mayor",
        "delegation",
        "delegations",
        "official",
        "officials",
    ]
)


def _parse(table: str) -> dict[str, tuple[str, ...]]:
    lexicon: dict[str, tuple[str, ...]] = {}
    for line in table.strip().splitlines():
        french, english = line.split(":")
        lexicon[french.strip()] = tuple(english.split())
    return lexicon


LEXICON = _parse(_PAIRS)


def short_words(lang: str) -> frozenset[str]:
    """The lexicon's words of `lang` shorter than content words usually are (war, fin, mer):
    kept in that language's passages so that their translations can meet them."""
    if lang == "fr":
        words = set(LEXICON)
    else:
        words = {word for english in LEXICON.values() for word in english}
    return frozenset(word for word in words if len(word) < MIN_WORD)


def translations(key: str) -> tuple[str, ...]:
    """English words a folded French word may stand for, singular or plural."""
    found = LEXICON.get(key) or LEXICON.get(key.rstrip("sx"), ())
    return found + tuple(f"{word}s" for word in found if not word.endswith("s"))
