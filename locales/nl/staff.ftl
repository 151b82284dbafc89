# Personeelspagina's van resettle, Nederlands. Elke boodschap hier bestaat ook in en en fr
# (een test vergelijkt de drie bestanden). Domeincodes krijgen woorden via <soort>-<code>.

## Paginakader

nav-skip = Naar de inhoud
nav-main = Hoofdmenu
nav-language = Taal
nav-programme = Programma
nav-fair-share = Eerlijk aandeel
nav-cases = Dossiers
nav-placement = Plaatsing
nav-audit = Auditlog
sign-in = Aanmelden
sign-out = Afmelden
footer = resettle · opensourcesoftware voor hervestigingsprogramma's voor vluchtelingen
filter = Filteren
yes = ja
no = nee
date = { $day } { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }

## Foutpagina

error-title = { $status ->
        [401] Niet aangemeld
        [403] Niet toegestaan
        [404] Niet gevonden
        [409] Intussen gewijzigd
        [422] Kan niet worden uitgevoerd
        [503] Even te druk
       *[other] Er ging iets mis
    }
error-next = Ga terug, of begin opnieuw vanaf
error-home = de programmapagina
error-busy = De server verwerkt zoveel verzoeken als hij kan. Er is niets gewijzigd: probeer het zo meteen opnieuw.

## Aanmelden

login-username = Gebruikersnaam
login-password = Wachtwoord
login-accounts = Accounts worden aangemaakt door een beheerder
login-demo = De demo heeft één gebruiker per rol; zie de README.
code-title = Tweede factor
code-lead = Aangemeld als { $username } met een wachtwoord. Uw rol vereist een eenmalige code uit uw authenticator-app.
code-label = Code van zes cijfers
code-continue = Doorgaan

## Dossierlijst

cases-title = Dossiers
cases-no-access = Uw rollen ({ $roles }) geven geen toegang tot de inhoud van dossiers.
cases-see-audit = Zie de auditlog.
cases-see-programme = Cijfers van het programma
cases-see-fair-share = Plan eerlijk aandeel
cases-filter-q = Naam of nummer
cases-filter-state = Status
cases-filter-any = elke status
cases-count = { $total ->
        [one] Eén dossier dat u mag zien
       *[other] { $total } dossiers die u mag zien
    }; pagina { $page }.
cases-count-scoped = { $total ->
        [one] Eén dossier dat u mag zien
       *[other] { $total } dossiers die u mag zien
    } (bereik: { $scope }); pagina { $page }.
cases-count-more = Meer dan { $total } dossiers die u mag zien; pagina { $page }.
cases-count-more-scoped = Meer dan { $total } dossiers die u mag zien (bereik: { $scope }); pagina { $page }.
cases-col-case = Dossier
cases-col-state = Status
cases-col-priority = Prioriteit
cases-col-nationality = Nationaliteit
cases-col-persons = Personen
cases-col-days = Dagen in status
cases-filter-priority = Prioriteit
cases-filter-any-priority = elke prioriteit
cases-filter-category = Categorie
cases-filter-any-category = elke categorie
cases-filter-overdue = alleen over tijd, langst over tijd eerst
cases-col-overdue = Dagen over tijd
cases-pages = Pagina's van de lijst
cases-previous = ← vorige pagina
cases-next = volgende pagina →
cases-page-of = pagina { $page } van { $pages }
cases-first = ← eerste pagina
cases-page = pagina { $page }

## Eén dossier

case-title = Dossier { $number }
case-lead = Wat uw rol van dit dossier mag zien; andere velden worden niet getoond. Elke inzage wordt vastgelegd in de auditlog.
case-family = Gezin
case-care-needs = Zorgnoden
case-member = gezinslid { $number }
case-medical = Medisch dossier
case-promises = Data die aan het gezin zijn beloofd
case-slipped = verschoven: { $reason } — { $words }
promised-title = Een beloofde datum vastleggen
promised-kind = Datum voor
promised-date = Beloofde datum
promised-reason-code = Als hij een datum vervangt: waarom die verschoof
promised-reason = In woorden
promised-notified-on = Gezin ingelicht op
promised-record = Datum vastleggen
promised-done = De datum van het { $kind } is vastgelegd.
promised-refused = Niet vastgelegd, er is niets bewaard:
case-outcomes = Integratieopvolging
case-outcome = gezinslid { $number } na { $months } maanden (vastgelegd op { $date }): { $employed ->
    [yes] aan het werk
   *[no] niet aan het werk
}
case-overdue = Over tijd
case-overdue-by = uiterlijk { $due }, { $days ->
        [one] één dag te laat
       *[other] { $days } dagen te laat
    }
case-placement = Plaatsingsvoorstel
case-placement-proposed = Voorgesteld: { $place } (score { $score }, rang { $rank }). Status: { placement-status }.
case-placement-review = Beoordelen op de plaatsingspagina
case-export = Inzageverzoek (export)
case-export-lead = Alles wat over dit gezin wordt bewaard:
case-export-audited = De export wordt vastgelegd in de auditlog.
case-export-family-language = in de taal van het gezin
case-export-pdf-in = De pdf in een andere taal:
medical-member = Gezinslid
medical-condition = Aandoening
medical-care-needs = Zorgnoden
medical-consent = Toestemming om te delen
medical-fit-to-travel = Reisvaardig
medical-fit-unknown = nog niet beoordeeld
medical-fit-yes = reisvaardig
medical-fit-no = niet reisvaardig
medical-none = nog geen gegevens
medical-edit = Bewerken
medical-edit-for = Bewerken: medisch dossier van { $name }
medical-add = Vastleggen
medical-add-for = Vastleggen: medisch dossier van { $name }
medical-saved = Medisch dossier van { $name } opgeslagen.
medical-title = Medisch dossier van { $name } ({ $number })
medical-back = Terug naar dossier { $number }
medical-lead = Alleen medisch adviseurs lezen de aandoening; dossierbehandelaars, opvangmedewerkers en de gemeente zien de zorgnoden. Elke inzage en elke wijziging wordt vastgelegd in de auditlog.
medical-condition-hint = In woorden, hoogstens { $max } tekens.
medical-care-needs-hint = Wat de opvang nodig heeft om een geschikte plaats te kiezen, zonder de diagnose.
medical-consent-given = Het gezin geeft toestemming om de aandoening te delen met de ontvangende gemeente
medical-audited = Opslaan vervangt de gegevens van dit gezinslid; het opslaan wordt vastgelegd in de auditlog.
medical-save = Medisch dossier opslaan
medical-refused = Niet opgeslagen, er is niets veranderd:
step-title = Volgende stap
step-to = Naar
step-reason = Reden, in woorden
step-reason-code = Reden uit de lijst
reason-none = (geen)
reasons-slip = Waarom de datum verschoof
reasons-deferral = Waarom de beslissing is uitgesteld
reasons-withdrawal = Waarom het dossier is ingetrokken
reasons-breakdown = Waarom de sponsoring misliep
step-data = Gegevens van de stap (wat de gekozen stap nodig heeft)
step-grounds = Weigeringsgronden
step-members = Gezinsleden (aanvaard; bij aankomst: wie reisde)
step-mission = Selectiemissie
step-reception-place = Opvangplaats
step-sponsor-group = Sponsorgroep
step-municipality = Gemeente van de nieuwe woning
step-address = Adres van de woning
step-provider = Begeleidende organisatie
step-departure-date = Vertrekdatum
step-family-notified-on = Gezin ingelicht op
step-arrived-on = Aangekomen op
step-checks = Uitgevoerde controles
step-take = Stap zetten
step-done = Stap gezet: het dossier is nu { $state }.
step-refused = Niet gedaan, er is niets veranderd:

## Programmapagina

dashboard-empty-title = Nog geen programma
dashboard-empty-lead = Deze database bevat geen programma. Laad de demodossiers, of start de server met de demo:
dashboard-policy-profile = Beleidsprofiel
dashboard-cases = dossiers
dashboard-persons = personen
dashboard-pledges-title = Toezeggingen tegenover aankomsten
dashboard-key-pledged = toegezegd
dashboard-key-arrived = aangekomen
dashboard-key-gap = het getal boven een paar is het aantal toegezegde personen dat niet is aangekomen.
dashboard-partial-note = Een jaar met „tot nu toe” is nog niet voorbij: de aankomsten zijn die tot vandaag, en het verschil is nog niet definitief.
dashboard-year-partial = tot nu toe
dashboard-year-ahead = komend
dashboard-ahead-note = Een jaar met „komend” is nog niet begonnen: de belofte is vooraf gedaan.
dashboard-col-year = Jaar
dashboard-col-pledged = Toegezegd
dashboard-col-arrived = Aangekomen
dashboard-col-gap = Tekort
dashboard-col-source = Bron
dashboard-states-title = Dossiers per status
dashboard-col-stage = Fase
dashboard-col-state = Status
dashboard-col-cases = Dossiers
dashboard-col-persons = Personen
dashboard-small-cells = Deze pagina is zonder aanmelding openbaar, dus aantallen van 1 tot { $below } worden getoond als { $shown }; waar een totaal zo'n aantal zou verraden, wordt ook het volgende kleinste aantal achtergehouden.
dashboard-cohorts-title = Wat het programma leert na aankomst
dashboard-cohorts-lead = Uit de welzijnsgesprekken met de gezinnen, per jaar van aankomst: hoeveel van wie antwoordde ja zei. Een aandeel waarvan het aantal ja of nee klein is, wordt niet getoond.
dashboard-cohorts-none = Een streepje betekent dat nog geen gezin van dat jaar heeft geantwoord.
dashboard-cohort-year = Aangekomen in
dashboard-cohort-housing = Eigen woning na 6 maanden
dashboard-cohort-language = Volgt een taalcursus
dashboard-cohort-school = Kinderen op school
dashboard-cohort-employed-12 = Aan het werk na 12 maanden
dashboard-cohort-match-12 = Werk dat past bij de kwalificaties na 12 maanden
dashboard-cohort-employed-18 = Aan het werk na 18 maanden
dashboard-cohort-match-18 = Werk dat past bij de kwalificaties na 18 maanden
dashboard-cohort-reunification = Wacht nog op een familielid
dashboard-cohort-share = { $yes } van { $of }

## Auditlog

audit-chain = Hashketen:
audit-chain-intact = intact: { $entries } regels gecontroleerd
audit-chain-broken = GEBROKEN bij regel { $seq }: { $reason }
audit-chain-full = Hele keten laatst gecontroleerd op { $at }; deze weergave controleerde de regels sindsdien en het laatste anker (`resettle audit verify` controleert alles opnieuw).
audit-actor = Wie
audit-action = Handeling
audit-entity = Object
audit-any-action = elke handeling
audit-any-entity = alles
audit-id = Id
audit-from = Van
audit-to = Tot
audit-csv = Deze regels exporteren als CSV
export-cases = Exporteer elk dossier dat aan de filters voldoet (alle pagina’s, niet alleen deze), met de velden die u ziet:
export-events = Exporteer deze geschiedenis:
export-csv = CSV
export-xlsx = rekenblad (XLSX)
audit-xlsx = Exporteer de laatste regels als rekenblad (XLSX)
audit-pages = Pagina's van de auditlog
audit-older = oudere regels →
audit-newest = ← nieuwste regels
audit-col-when = Wanneer
audit-col-who = Wie
audit-col-source = Vanaf
audit-col-action = Handeling
audit-col-what = Wat
audit-col-fields = Bijzondere velden
audit-col-outcome = Uitkomst
# The outcome of an audited act, as the audit page shows it.
outcome-ok = gedaan
outcome-refused = geweigerd
outcome-failed = mislukt
audit-col-detail = Toelichting

## Plaatsing

placement-lead = Gezinnen die op hun volgende verblijf wachten (aanvaard en onderweg, of in een opvangcentrum), door de optimalisatie gekoppeld aan de plaatsen die volgens het opvangmodel van het programma volgen (lokale opvanginitiatieven in België, gemeenten in Nederland) met vrije ruimte. Elk voorstel zegt waarom; bevestig het, bevestig een andere plaats (de uitleg toont wat dat kost), of wijs het af. Een gezin in een centrum dat je bevestigt, verhuist er vandaag naartoe.
placement-propose = Plaatsen voorstellen voor de wachtende gezinnen
placement-run = Laatste berekening: { $status }, { $families } gezinnen over { $places } plaatsen; totale score { $objective }, grens { $bound }, verschil { $gap }%, { $seconds } s.
placement-scores = Scores: { $model }.
placement-distribution = Spreidingsplan: { $plan }.
placement-no-distribution = Geen spreidingsplan in het beleidsprofiel.
placement-unassigned = Niet geplaatst: { $count ->
        [one] één gezin
       *[other] { $count } gezinnen
    }
placement-more = en nog { $count }
placement-none = Nog geen voorstellen.
placement-col-place = Plaats
placement-col-score = Score
placement-col-rank = Rang
placement-col-why = Waarom
placement-col-status = Status
placement-col-decide = Beslissen
placement-rank = { $rank } van { $of }
placement-instead = in plaats daarvan { $place }:
placement-impossible = niet mogelijk zonder anderen te verplaatsen
placement-no-loss = geen verlies voor het plan
placement-costs = kost het plan { $cost }
placement-status = { $status ->
        [proposed] voorgesteld
        [confirmed] bevestigd
        [rejected] afgewezen
        [lapsed] vervallen: het dossier is sindsdien gewijzigd; stel opnieuw voor
       *[other] { $status }
    }
placement-decided = { placement-status } door { $by }
placement-confirm = Bevestigen
placement-reject = Afwijzen
decision-confirm = bevestigen
decision-reject = afwijzen
action-read = gelezen
action-write = geschreven
action-export = geëxporteerd
action-report = gerapporteerd
action-login = aangemeld
action-logout = afgemeld
action-refused = geweigerd
action-throttled = afgeremd
action-notify = verwittigd
action-backup = geback-upt
action-restore = teruggezet
action-verify = geverifieerd
entity-case = dossier
entity-case_list = lijst van dossiers
entity-case_events = dossiergeschiedenis
entity-medical_record = medisch dossier
entity-stay = verblijf
entity-support = integratiebegeleiding
entity-placement = plaatsing
entity-reception = opvangplaatsen
entity-families = gezinnen
entity-families_to_inform = te informeren gezinnen
entity-family_code = aanmeldcode van het gezin
entity-family_contact = contact met het gezin
entity-import_cases = import van dossiers
entity-user = gebruiker
entity-api_token = API-token
entity-organisation = organisatie
entity-data_key = gegevenssleutel
entity-audit_log = audittrail
entity-database = databank
entity-retention = bewaring
entity-programme = programma
entity-programme_hold = programmapauze
entity-policy_profile = beleidsprofiel
entity-mission = missie
entity-missions = lijst van missies
entity-sponsor_group = sponsorgroep
entity-pledge = toezegging
entity-quota = quotum
entity-quota_decision = quotabeslissing
entity-scenario = scenario van billijke verdeling
entity-forecast = prognose
entity-annual_report = jaarverslag
entity-funding_claim = financieringsaanvraag
entity-funding_claims = financieringsaanvragen
entity-client = clientadres
placement-over-capacity = boven de capaciteit: { $reason }
placement-over-capacity-reason = Boven de capaciteit, omdat
placement-refused = Niet bevestigd:

## Plan eerlijk aandeel en scenario's

plan-title = Plan eerlijk aandeel
plan-lead = Hoeveel mensen zou deze staat in het volgende plan moeten hervestigen, en hoe zou dat aantal jaar na jaar moeten groeien? Wijzig een gegeven: het plan, de grafiek en het aandeel van elke staat volgen meteen. Het formulier opent met de gegevens van het rapport van de Belgische ngo's (2021), afdeling 3.3. Methoden en bronnen:
plan-need-legend = 1. Wereldwijde nood (UNHCR)
plan-need-year = UNHCR-raming voor het jaar
plan-rounded = afgerond
plan-need-given = of een getal
plan-growth-given = groei per volgend jaar
plan-growth-average = of het gemiddelde van de laatste
plan-growth-average-years = jaar ramingen
plan-plan-legend = 2. Plan
plan-start-year = eerste jaar
plan-rounding = Afronding
plan-rounding-floor = naar beneden
plan-rounding-nearest = naar het dichtstbijzijnde getal
plan-share-legend = 3. Het aandeel van de staat
plan-share-given = aandeel
plan-share-key = of volgens verdeelsleutel
plan-key = { $key ->
        [ec2015] verdeelsleutel Europese Commissie 2015
        [ec2015-capped] verdeelsleutel Europese Commissie 2015, begrensd
        [dublin2016] verdeelsleutel Dublinhervorming 2016
        [population] bevolking
        [gdp] bruto binnenlands product
       *[other] { $key }
    }
plan-path-legend = 4. Groeipad
plan-path-given = eerste jaren
plan-path-given-rest = (het laatste jaar neemt de rest)
plan-path-even = gelijk verdeeld
plan-path-linear = lineair stijgend
plan-compute = Berekenen
plan-compute-live = (het plan volgt ook elke wijziging terwijl u typt)
plan-save-as = Bewaren als scenario
plan-save-name = naam
plan-save = Bewaren
plan-sign-in-to-save = meld u aan als planner om dit plan als scenario te bewaren.
plan-compare = { $count ->
        [one] Het bewaarde scenario bekijken
       *[other] De { $count } bewaarde scenario's naast elkaar vergelijken
    }
plan-heading = Het plan
plan-global-need = Wereldwijde nood
plan-regional-target = Regionaal doel
plan-state-total = { $state } over het plan
plan-provenance = Waar de gegevens vandaan komen
plan-distribution-heading = Het regionale doel over alle staten ({ plan-key })
plan-distribution-lead = { $total } personen volgens de methode van de grootste overschotten op { $indicators }.
plan-distribution-given-share = { $state } krijgt de { $persons } van het plan, tegen het opgegeven aandeel; de andere staten verdelen de rest naar verhouding van de sleutel.
plan-exact-quota = Exact quotum
scenarios-title = Bewaarde scenario's
scenarios-none = Nog geen scenario bewaard. Geef een plan een naam en bewaar het op de pagina
scenarios-state = Staat
scenarios-first-year-need = Nood in het eerste jaar
scenarios-yearly-growth = Jaarlijkse groei
scenarios-years = Jaren
scenarios-regional-share = Regionaal aandeel
scenarios-state-share = Aandeel van de staat
scenarios-state-total = Totaal voor de staat
scenarios-path = Groeipad
scenarios-saved = Bewaard
scenarios-delete = Verwijderen
scenarios-delete-named = Verwijderen “{ $name }”

## Statussen van een dossier

state-submitted = voorgedragen
state-scheduled_for_mission = ingepland voor een selectiemissie
state-dossier_review = dossierbehandeling
state-interviewed = gehoord
state-accepted = aanvaard
state-accepted_in_part = gedeeltelijk aanvaard
state-refused = geweigerd
state-deferred = uitgesteld
state-pre_departure = vertrek in voorbereiding
state-departure_scheduled = vertrek gepland
state-arrived = aangekomen
state-in_reception = in opvang
state-housed = gehuisvest
state-integration_support = integratiebegeleiding
state-closed = afgesloten
state-withdrawn = ingetrokken
state-deceased = overleden

## Fasen

stage-assessment = beoordeling
stage-pre_departure = voor vertrek
stage-travel = reis
stage-reception = opvang
stage-integration = integratie
stage-ended = beëindigd

## Voordrachtcategorieën van UNHCR

category-legal_physical_protection = juridische en/of fysieke beschermingsnoden
category-survivor_of_violence_torture = overlevende van geweld en/of foltering
category-medical_needs = medische noden
category-women_and_girls_at_risk = vrouwen en meisjes in gevaar
category-family_reunification = gezinshereniging
category-children_at_risk = kinderen en adolescenten in gevaar
category-no_alternative_durable_solution = geen voorzienbare alternatieve duurzame oplossing

## Prioriteiten, kanalen, beloften

priority-emergency = spoed
priority-urgent = dringend
priority-normal = normaal
channel-mission = selectiemissie
channel-dossier = dossierbehandeling
channel-emergency = noodplaatsen
promise-interview = gehoor
promise-departure = vertrek

## Gezin

relationship-principal_applicant = hoofdaanvrager
relationship-spouse = partner
relationship-child = kind
relationship-parent = ouder
relationship-sibling = broer of zus
relationship-grandchild = kleinkind
relationship-other_dependant = andere afhankelijke
sex-female = vrouw
sex-male = man
sex-other = anders
care_need-wheelchair_access = rolstoeltoegankelijk
care_need-specialised_hospital_care = gespecialiseerde ziekenhuiszorg
care_need-mental_health_support = geestelijke gezondheidszorg
care_need-regular_treatment = regelmatige behandeling

## Rollen

role-admin = beheerder
role-planner = planner
role-unhcr-liaison = contactpersoon UNHCR
role-case-officer = dossierbehandelaar
role-medical-officer = medisch adviseur
role-reception-officer = opvangmedewerker
role-municipality = gemeente
role-sponsor = sponsor
role-support-provider = begeleidingsorganisatie
role-auditor = auditor

## Velden van een dossier

field-case_number = dossiernummer
field-programme = programma
field-state = status
field-stage = fase
field-version = versie
field-policy_profile = beleidsprofiel
field-country_of_asylum = land van eerste asiel
field-nationality = nationaliteit
field-categories = categorieën
field-priority = prioriteit
field-channel = kanaal
field-submitted_on = voorgedragen op
field-members = gezin
field-members-member_no = nr.
field-members-full_name = volledige naam
field-members-date_of_birth = geboortedatum
field-members-age = leeftijd
field-members-sex = geslacht
field-members-relationship = verwantschap
field-members-languages = talen
field-members-education = opleiding
field-members-occupation = beroep
field-care_needs = zorgnoden
field-linked_cases = verbonden dossiers
field-mission = selectiemissie
field-arrived_on = aangekomen op
field-reception_place = opvangplaats
field-stays = verblijven
field-sponsor_group = sponsorgroep
field-address = adres van de woning
field-support = integratiebegeleiding
field-promises = beloofde data
field-slipped_promises = niet gehouden beloofde data
field-held_promises = beloofde data die een programmastop breekt
field-reunification = gezinshereniging
field-pre_departure = controles voor vertrek
field-after_arrival = stappen na aankomst
field-waiting = tijd per status
field-overdue = over tijd
field-outcomes = integratieopvolging
field-allowed_transitions = kan naar
field-warnings = waarschuwingen

## Gesproken talen

language-ar = Arabisch
language-bfa = Bari
language-din = Dinka
language-nus = Nuer
language-en = Engels
language-fa = Perzisch
language-fr = Frans
language-ku = Koerdisch
language-ln = Lingala
language-ps = Pasjtoe
language-rn = Kirundi
language-rw = Kinyarwanda
language-sw = Swahili
language-ti = Tigrinya
language-tr = Turks
language-ur = Urdu

## Landen

country-AF = Afghanistan
country-BI = Burundi
country-CD = DR Congo
country-EG = Egypte
country-ER = Eritrea
country-ET = Ethiopië
country-IQ = Irak
country-IR = Iran
country-JO = Jordanië
country-LB = Libanon
country-LY = Libië
country-NE = Niger
country-PK = Pakistan
country-RW = Rwanda
country-SD = Soedan
country-SO = Somalië
country-SS = Zuid-Soedan
country-SY = Syrië
country-TR = Turkije
country-TZ = Tanzania
country-UG = Oeganda
country-YE = Jemen
country-AT = Oostenrijk
country-BE = België
country-BG = Bulgarije
country-CH = Zwitserland
country-CY = Cyprus
country-CZ = Tsjechië
country-DE = Duitsland
country-DK = Denemarken
country-EE = Estland
country-ES = Spanje
country-FI = Finland
country-FR = Frankrijk
country-GB = Verenigd Koninkrijk
country-GR = Griekenland
country-HR = Kroatië
country-HU = Hongarije
country-IE = Ierland
country-IS = IJsland
country-IT = Italië
country-LI = Liechtenstein
country-LT = Litouwen
country-LU = Luxemburg
country-LV = Letland
country-MT = Malta
country-NL = Nederland
country-NO = Noorwegen
country-PL = Polen
country-PT = Portugal
country-RO = Roemenië
country-SE = Zweden
country-SI = Slovenië
country-SK = Slowakije
country-UK = Verenigd Koninkrijk

## Beheer

nav-admin = Beheer
admin-title = Beheer
admin-users = Gebruikers
admin-organisations = Organisaties
admin-policy = Geldend beleid
admin-users-lead = Open een gebruiker om die uit te schakelen of weer in te schakelen, de rollen te wijzigen, het wachtwoord of de tweede factor opnieuw in te stellen, of de API-tokens in te trekken.
admin-account = Account
admin-enabled = actief
admin-disabled = uitgeschakeld
admin-no-organisation = geen organisatie
admin-add-user = Gebruiker toevoegen
admin-password-again = Wachtwoord nogmaals
admin-new-password = Nieuw wachtwoord
admin-password-rule = Minstens 12 tekens; geen veelgebruikt wachtwoord. Een zin van enkele woorden is het best.
admin-cut-off = Alle sessies en API-tokens van de gebruiker eindigen meteen.
admin-disable = Uitschakelen
admin-disable-lead = De gebruiker kan niet meer aanmelden; alle sessies en API-tokens eindigen meteen.
admin-enable = Weer inschakelen
admin-enable-lead = De gebruiker kan weer aanmelden. Sessies en tokens van vroeger blijven beëindigd.
admin-change-roles = Rollen wijzigen
admin-change-roles-lead = Minstens één rol. Alle sessies en API-tokens van de gebruiker eindigen, want die dragen de oude rollen.
admin-reset-password = Wachtwoord opnieuw instellen
admin-reset-second-factor = Tweede factor opnieuw instellen
admin-reset-second-factor-lead = Een nieuw geheim vervangt het oude; de authenticator-app die de gebruiker had, werkt niet meer. Het geheim wordt één keer getoond.
admin-revoke-tokens = API-tokens intrekken
admin-revoke-tokens-lead = Alle API-tokens van de gebruiker werken niet meer; de sessies blijven.
admin-second-factor-title = Nieuwe tweede factor voor { $user }
admin-second-factor-done = De tweede factor van { $user } is vervangen.
admin-second-factor-secret = Geheim (base32)
admin-second-factor-uri = Authenticator-link
admin-second-factor-once = Dit geheim wordt alleen nu getoond en kan niet opnieuw worden getoond. Geef het aan { $user } persoonlijk of via een kanaal dat alleen die persoon kan lezen, nooit per gewone e-mail; bewaar geen kopie.
admin-back = Terug naar de gebruikers
admin-add-organisation = Organisatie toevoegen
admin-error = Niet uitgevoerd.
admin-error-field = Niet uitgevoerd. { $field }:
admin-passwords-differ = De twee wachtwoorden verschillen; typ twee keer hetzelfde wachtwoord.
admin-field-username = Gebruikersnaam
admin-field-password = Wachtwoord
admin-field-roles = Rollen
admin-field-organisation = Organisatie
admin-field-kind = Soort
admin-done-user-added = Gebruiker { $user } toegevoegd.
admin-done-user-disabled = Gebruiker { $user } uitgeschakeld; de sessies en tokens zijn beëindigd.
admin-done-user-enabled = Gebruiker { $user } weer ingeschakeld; aanmelden kan weer.
admin-done-roles-changed = Rollen van { $user } gewijzigd; de sessies en tokens zijn beëindigd.
admin-done-password-reset = Wachtwoord van { $user } opnieuw ingesteld; de sessies en tokens zijn beëindigd.
admin-done-tokens-revoked = { $n ->
        [0] { $user } had geen API-token om in te trekken.
        [one] Eén API-token van { $user } ingetrokken.
       *[other] { $n } API-tokens van { $user } ingetrokken.
    }
admin-done-organisation-added = Organisatie { $name } toegevoegd.
admin-policy-lead = Het beleidsprofiel waaronder elk programma loopt, zoals de regels het toepassen. Profielen zijn bestanden; wijzig ze met resettle policy op de opdrachtregel.
kind-agency = overheidsdienst
kind-unhcr = UNHCR-kantoor
kind-municipality = gemeente
kind-loi = lokaal opvanginitiatief
kind-sponsor = sponsorgroep
kind-ngo = ngo
policy-profile = Profiel
policy-version = versie
policy-country = Hervestigingsland
policy-authority = Beslissende instantie
policy-steps-off = Uitgeschakelde stappen
policy-none = geen
policy-reception-model = Opvangmodel
policy-reception-phases = Opvang
policy-typical-days = gewoonlijk { $days } dagen
policy-max-days = hoogstens { $days } dagen
policy-sponsorship-skips-centre = Gesponsorde gezinnen slaan het centrum over
policy-support-months = Integratiebegeleiding
policy-months = { $months } maanden
policy-allowance = Vergoeding
policy-per-adult-minor = € { $adult } per volwassene, € { $minor } per minderjarige
policy-eu-funding = EU-financiering per persoon
policy-retention = Dossiers bewaard
policy-years = { $years } jaar
policy-small-cells = Aantallen pas gepubliceerd vanaf
policy-checks = Beoordeling
policy-check = Toets
policy-refusal-ground = Weigeringsgrond
policy-basis = Grondslag
policy-pre-departure = Voor vertrek
policy-required = Verplicht
policy-by = Door
policy-post-arrival = Na aankomst
policy-reunification = Over een verzoek tot gezinshereniging wordt binnen { $days } dagen beslist.
policy-reunification-none = Het profiel stelt geen termijn voor verzoeken tot gezinshereniging.
policy-time-limits = Termijnen
policy-reasons = Redenen waaruit medewerkers kiezen
policy-reason-list = Lijst
policy-reason-labels = Redenen
policy-from = Van
policy-to = Tot
policy-priority = Prioriteit
policy-within = Binnen
policy-days = { $days } dagen
policy-no-programmes = Er is nog geen programma ingericht.
reception-centre_then_local = opvangcentrum, dan lokale opvang, dan een eigen woning
reception-direct_municipality = rechtstreeks naar een gemeente, met een woning klaar
place-centre = opvangcentrum
place-loi = lokaal opvanginitiatief
place-municipality = gemeente
policy-euros = € { $amount }

## De geschiedenis van een dossier

timeline-title = Geschiedenis
timeline-opened = geopend als { $to }
timeline-moved = van { $from } naar { $to }
timeline-by = door { $actor }
timeline-why = Waarom:
timeline-member = gezinslid { $number }
step_data-checks = uitgevoerde controles
step_data-departure_date = vertrekdatum
step_data-promised_date = nieuwe beloofde datum
step_data-grounds = gronden
step_data-members_accepted = aanvaarde gezinsleden
step_data-members_not_accepted = niet aanvaarde gezinsleden
step_data-mission_cancelled = geannuleerde missie
step_data-reception_place = opvangplaats
step_data-place = opvangplaats
step_data-from_place = vanuit
step_data-municipality = gemeente
step_data-sponsor_group = sponsorgroep
step_data-address = adres van de woning

## De dag van de opvangmedewerker

nav-reception = Opvang
reception-summary = { $families ->
        [one] Eén gezin
       *[other] { $families } gezinnen
    } ({ $persons } personen) met een vertrekdatum; nu { $free } vrije plaatsen in het opvangnetwerk.
reception-arrivals = Verwachte aankomsten, eerstvolgende eerst
reception-no-arrivals = Geen enkel gezin heeft een vertrekdatum.
reception-col-date = Komt aan
reception-no-date = datum niet vastgelegd
reception-places = Opvangplaatsen nu, de volste eerst
reception-col-place = Plaats
reception-col-kind = Soort
reception-col-municipality = Gemeente
reception-col-occupied = Personen nu
reception-col-capacity = Capaciteit
reception-over = boven capaciteit

## De dag van de UNHCR-verbindingsfunctionaris: een dossier voordragen, en de voordrachten van het bureau

nav-submit = Dossier voordragen
nav-ours = Onze voordrachten
submit-title = Dossier voordragen
submit-lead = Een dossier zoals UNHCR het registreerde, met het gezin. Er wordt niets bewaard tot u het voordraagt; een gezinslid toevoegen of verwijderen houdt alles wat u typte.
submit-case = Het dossier
submit-case-number = UNHCR-dossiernummer
submit-programme = Programma
submit-country-of-asylum = Land van asiel
submit-nationality = Nationaliteit
submit-priority = Prioriteit
submit-channel = Kanaal
submit-submitted-on = Voorgedragen op
submit-choose = kies…
submit-categories = Voordrachtcategorieën
submit-primary-category = Hoofdcategorie
submit-further-categories = Verdere categorieën
submit-family = Gezinsleden
submit-member = Gezinslid { $number }
submit-full-name = Volledige naam
submit-date-of-birth = Geboortedatum
submit-sex = Geslacht
submit-relationship = Verwantschap met de hoofdaanvrager
submit-languages = Gesproken talen
submit-remove = Gezinslid { $number } verwijderen
submit-add = Gezinslid toevoegen
submit-send = Dossier voordragen
submit-done = Dossier { $number } voorgedragen. Het wacht op beoordeling door de dossierbehandelaars.
submit-refused = Niet voorgedragen, er is niets bewaard:
ours-title = Onze voordrachten
ours-lead = De dossiers die { $office } voordroeg, de nieuwste eerst, met waar elk nu staat.
cases-col-submitted = Voorgedragen op

nav-families = Onze gezinnen
families-title = Onze gezinnen
families-lead = De gezinnen die u ondersteunt: wie ze zijn, waar ze wonen, hun begeleidingsplan en opvolging, en bij wie u terechtkunt. Verwachte aankomsten eerst.
families-lead-all = De gezinnen die in een gemeente wonen, zoals haar medewerkers ze zien: wie ze zijn, waar ze wonen, hun begeleidingsplan en opvolging, en bij wie u terechtkunt.
families-municipality = Gemeente
families-show = Tonen
families-choose = Kies een gemeente om de gezinnen te zien die er wonen, zoals haar medewerkers ze zien.
families-expected = Verwachte aankomsten, eerstvolgende eerst
families-no-expected = Nog geen gezin onderweg: geen enkel heeft een vertrekdatum.
families-expected-more = De eerste { $shown } van { $total } staan hier.
families-col-departure = Vertrekt
families-members = Gezinsleden
families-age = { $age ->
    [one] { $age } jaar
   *[other] { $age } jaar
}
families-arrived = { $total ->
    [one] { $total } gezin aangekomen
   *[other] { $total } gezinnen aangekomen
}, laatst aangekomen eerst
families-none = Nog geen enkel gezin is aangekomen.
families-family-of = Gezin van { $name }
families-no-address = nog niet vastgelegd
families-no-care-needs = geen vastgelegd of met u gedeeld
families-support = { $provider }, van { $from } tot { $to }
families-no-support = nog geen begeleidingsplan
families-follow-ups = Opvolging
families-follow-up = { $months } maanden na aankomst, op { $due }
families-recorded = vastgelegd
families-overdue = te laat, niet vastgelegd
families-not-yet-due = nog niet aan de beurt
families-contacts = Contactpersonen
families-contact-case = Laatste stap vastgelegd door { $name }
families-contact-support = Begeleiding: { $provider }
families-contact-sponsor = Sponsorgroep { $group }, contactpersoon { $contact }
families-no-contact-details = resettle bewaart geen telefoonnummers of e-mailadressen: bereik deze mensen via hun organisatie.
families-by-municipality = Gezinnen per gemeente
reception-families = waar elk gezin woont, zijn begeleidingsplan en opvolging, zoals de gemeente ze ziet.

## A refused role: what its roles do not allow, in words

not-allowed = Uw rollen ({ $roles }) staan { $what } niet toe.
permission-manage_users = het beheer van gebruikers en organisaties
permission-manage_settings = het wijzigen van de instellingen van het programma
permission-plan_quotas = het plannen van quota en toezeggingen
permission-read_audit = het inzien van de auditlog
permission-submit_case = het voordragen van dossiers voor UNHCR
permission-read_cases = het inzien van dossiers
permission-move_case = een dossier naar “{ $state }” brengen
permission-record_promises = het vastleggen van beloofde data en verzoeken tot gezinshereniging
permission-read_medical = het inzien van medische dossiers
permission-write_medical = het schrijven van medische dossiers
permission-manage_missions = het plannen van missies en het vastleggen van sponsorgroepen
permission-place = het voorstellen en bevestigen van plaatsingen
permission-record_outcomes = het vastleggen van integratieopvolging
permission-export_subject = het exporteren van alles wat over een persoon is opgeslagen
permission-build_reports = het opstellen van het verslag aan het parlement
permission-file_claims = financieringsaanvragen indienen

## De toezeggingen van de planner

nav-pledges = Toezeggingen
pledges-title = Toezeggingen
pledges-lead = De toezeggingen van elk programma per jaar, tegenover de personen die aankwamen. Leg de toezegging voor volgend jaar vast zodra ze beslist is, of verbeter een jaar; elke wijziging komt in het auditlog.
pledges-col-change = Wijzigen
pledges-change = Wijzigen
pledges-set = Een toezegging vastleggen of verbeteren
pledges-field-pledged = Toegezegde personen
pledges-field-arrived = Aankomsten gepubliceerd vóór resettle (niet verplicht)
pledges-source-hint = De bron zegt waar de toezegging gepubliceerd is: een regeringsbeslissing, een persbericht, een rapport.
pledges-save = Toezegging opslaan
pledges-saved = Opgeslagen. { $programme }: { $pledged ->
        [one] { $pledged } persoon
       *[other] { $pledged } personen
    } toegezegd voor { $year }.
pledges-refused = Niet opgeslagen, er is niets veranderd:
dashboard-change-pledges = Toezeggingen vastleggen of verbeteren

## The placement page: each row's family and controls named for it

placement-persons = { $count ->
    [one] 1 persoon
   *[other] { $count } personen
}
placement-place-for = Plaats voor { $case }
placement-over-capacity-for = Boven de capaciteit, omdat (voor { $case })
placement-confirm-for = Bevestigen { $case }
placement-reject-for = Afwijzen { $case }

## Programmastops (van de planner) en gezinnen informeren (dossierpagina)

nav-holds = Stops
holds-title = Programmastops
holds-lead = Een stop legt de vertrekken van een programma stil van de ene dag tot de andere. Elke datum die een gezin binnen die periode werd beloofd, is gebroken: dat staat op de dossierpagina, en het gezin leest de stop en de reden op zijn statuspagina, in zijn taal. Elke vastgelegde stop staat in de auditlog.
holds-recorded = Stop vastgelegd van { $from } tot { $until }: { $families ->
        [0] de beloofde datum van geen enkel gezin valt erin.
        [one] de beloofde datum van { $families } gezin valt erin.
       *[other] de beloofde data van { $families } gezinnen vallen erin.
    }
holds-programme = Programma { $programme }
holds-col-from = Van
holds-col-until = Tot
holds-col-reason = Reden
holds-col-families = Gezinnen met een datum erin
holds-col-note = Notitie voor medewerkers
holds-col-recorded = Vastgelegd
holds-none = Geen stop vastgelegd.
holds-record = Een stop vastleggen
holds-refused = De stop werd niet vastgelegd:
holds-note-hint = Gezinnen lezen de reden in hun taal; de notitie blijft bij de medewerkers.
holds-save = Stop vastleggen
case-held = Beloofde data die een programmastop breekt
case-held-promise = De datum voor { $kind } { $date } valt in de stop van { $from } tot { $until } ({ $reason }): die kan niet doorgaan; geef het gezin een nieuwe datum.
case-family-page = Statuspagina van het gezin
case-family-page-lead = Het gezin volgt zijn dossier op /family, in zijn taal, met zijn dossiernummer en een toegangscode. Een nieuwe code uitreiken drukt een brief met die code af; de vorige code en haar sessies werken meteen niet meer.
case-family-letter-language = Taal van de brief
case-family-issue = Nieuwe code uitreiken en de brief afdrukken
letter-note-once = Er werd een nieuwe toegangscode uitgereikt voor dossier { $number }. Ze staat alleen in deze brief: druk hem nu af. De vorige code werkt niet meer.
letter-note-print = Druk deze pagina af (Ctrl+P): alleen de brief wordt afgedrukt.
letter-note-back = Terug naar het dossier

# Gezinnen op de hoogte: berichten, contactgegevens, beloofde data, de werklijst.
nav-inform = Te informeren gezinnen
permission-inform_families = contactgegevens van gezinnen bijhouden en gezinnen informeren
permission-read_support = het opvolgen van de integratiebegeleiding van gezinnen
permission-manage_support = het opstellen van begeleidingsplannen, het noteren van contacten en het afsluiten van taken
permission-record_checkins = het registreren van welzijnsgesprekken
permission-read_checkin_health = het lezen van de gezondheidsantwoorden van welzijnsgesprekken
field-contact = hoe het gezin te bereiken
field-notices = berichten aan het gezin
news-mission_scheduled = ingepland voor een selectiemissie
news-accepted = aanvaard
news-accepted_in_part = gedeeltelijk aanvaard
news-refused = geweigerd
news-deferred = beslissing uitgesteld
news-preparing = voorbereiding van de reis begonnen
news-departure_called_off = vertrek afgelast
news-departure_date = vertrekdatum vastgelegd
news-departure_date_slipped = vertrekdatum verschoven
news-interview_date = interviewdatum vastgelegd
news-interview_date_slipped = interviewdatum verschoven
news-withdrawn = ingetrokken
notice_state-queued = wacht op verzending
notice_state-sent = verzonden
notice_state-failed = mislukt
notice_channel-email = e-mail
notice_channel-sms = sms
contact-title = Hoe het gezin te bereiken
contact-lead = Het e-mailadres en gsm-nummer van de hoofdaanvrager, voor berichten. Een bericht zegt alleen dat er nieuws is, met het dossiernummer en het adres van de gezinspagina.
contact-email = E-mailadres
contact-phone = Gsm-nummer
contact-save = Contactgegevens bewaren
contact-refused = De contactgegevens werden niet bewaard:
contact-saved = De contactgegevens zijn bewaard.
contact-none = geen
notices-title = Berichten aan het gezin
notices-lead = Elke stap of datum die het gezin moet kennen, zet een bericht klaar; het gaat per e-mail, sms of beide, zoals deze server is ingesteld, en wordt opnieuw geprobeerd als het mislukt.
notices-not-configured = Op deze server is geen verzending per e-mail of sms ingesteld: berichten wachten tot dat gebeurt.
notices-no-contact = Geen e-mailadres of gsm-nummer voor de ingestelde kanalen: berichten wachten tot er een is vastgelegd.
notices-col-news = Wat er gebeurde
notices-col-queued = Klaargezet
notices-col-state = Stand
notices-none = Nog geen bericht.
notice-sent = verzonden op { $date } per { $by }
notice-failed-retry = { $attempts ->
        [one] eerste poging mislukt
       *[other] { $attempts } pogingen mislukt
    } ({ $error }); volgende poging op { $date } om { $time } UTC
notice-failed-final = opgegeven na { $attempts } pogingen ({ $error }): informeer het gezin op een andere manier
reception-inform = beloofde data verstreken zonder vertrek, en verschoven data die het gezin niet kent.
inform-title = Te informeren gezinnen
inform-lead = Beloofde data die voorbij zijn terwijl het dossier er nog op wacht, en data die veranderden zonder dat het gezin het sindsdien weet (geen bericht verzonden, geen dag van meedelen vastgelegd). Verstreken data eerst, de langst verstreken eerst.
inform-count = { $total ->
        [one] Eén gezin te informeren
       *[other] { $total } gezinnen te informeren
    }; pagina { $page }.
inform-col-date = Beloofde datum
inform-col-why = Waarom
inform-col-notice = Laatste bericht
inform-passed = { $days ->
        [one] gisteren verstreken
       *[other] { $days } dagen geleden verstreken
    }, niet gehaald
inform-slip-untold = gewijzigd op { $date }, gezin niet op de hoogte
inform-no-notice = geen
inform-unreachable = geen contactgegevens
inform-none = Geen gezin te informeren: elke beloofde datum ligt nog voor ons of werd gehaald, en elke wijziging werd meegedeeld.
## Capaciteitsprognose (planners)
nav-forecast = Prognose
forecast-title = Capaciteitsprognose
forecast-lead = Houdt het opvangnetwerk de engagementen, en hoeveel bufferplaatsen zijn er nodig? Kies een meegeleverd scenario of een programma zoals het er vandaag voor staat; de prognose simuleert het vele keren, gezin per gezin en week per week, en geeft de kans dat elk engagement gehaald wordt, wanneer de plaatsen te kort schieten en het kleinste aantal bufferplaatsen waarmee elk engagement standhoudt.
forecast-live = { $programme } zoals het er vandaag voor staat
forecast-live-description = De dossiers van programma { $programme } zoals ze er op { $today } voor staan, zijn plaatsen en engagementen; doorlooptijden uit zijn eigen geschiedenis waar die volstaat, anders uit het meegeleverde groeipadscenario; voordrachten gaan door in het tempo van de voorbije twaalf maanden.
forecast-what = Wat voorspellen
forecast-field-runs = Simulaties (hoogstens { $max })
forecast-field-seed = Startwaarde (seed)
forecast-field-target = Beoogde kans voor elk engagement
forecast-hint = Met 1.000 simulaties ligt elke kans op ongeveer 3 procentpunten nauwkeurig; dezelfde simulaties en startwaarde geven dezelfde prognose. De zoektocht naar bufferplaatsen herhaalt de simulaties voor elke buffer die ze probeert, dus een prognose duurt enkele seconden.
forecast-run = Prognose maken
forecast-refused = Niet uitgevoerd.
forecast-rule-runs = Simulaties: een geheel getal van { $min } tot { $max }.
forecast-rule-seed = Startwaarde: een geheel getal, 0 of meer.
forecast-rule-target = Beoogde kans: een geheel percentage van { $min } tot { $max }.
forecast-runs = { $runs } simulaties, startwaarde { $seed }.
forecast-pledges = Wordt elk engagement gehaald?
forecast-no-pledges = Dit scenario heeft geen engagement om te halen.
forecast-col-pledge = Engagement
forecast-col-pledged = Toegezegde personen
forecast-col-p-met = Kans dat het gehaald wordt
forecast-col-median = Mediaan
forecast-col-band50 = 50 % van de simulaties
forecast-col-band80 = 80 % van de simulaties
forecast-col-band95 = 95 % van de simulaties
forecast-col-stage = Fase
forecast-col-median-week = Mediane week
forecast-col-never = Nooit te kort
forecast-col-week = Week van
forecast-col-places = Plaatsen
forecast-col-p-over = Kans op plaatstekort
forecast-col-shock = Schok
forecast-col-p-with = Kans gehaald met de schok
forecast-col-p-without = zonder
forecast-col-median-with = Mediane aankomsten met de schok
forecast-col-median-without = zonder
forecast-buffer = Bufferplaatsen
forecast-buffer-none = Het netwerk houdt zoals het is: elk engagement wordt gehaald met een kans van { $probability } (doel { $target }).
forecast-buffer-places = { $places } bufferplaatsen ({ $split }) brengen elk engagement op een kans van { $probability } (doel { $target }).
forecast-buffer-unreached = Geen buffer van tot { $limit } plaatsen per fase brengt elk engagement op { $target } (hoogstens { $probability }): de voordrachten of een stopzetting, niet de plaatsen, beperken de aankomsten.
forecast-buffer-not-monotone = Bij het zoeken gaven meer plaatsen soms een kleinere kans: gezinnen komen dan aan in het jaar waarin ze klaar zijn in plaats van het volgende.
forecast-buffer-consistent = Het antwoord blijft het kleinste: elke kleinere geprobeerde buffer haalde het doel niet.
forecast-buffer-inconsistent = Het antwoord is misschien niet het kleinste.
forecast-short = Wanneer de plaatsen voor het eerst te kort schieten
forecast-any-stage = Eender welke fase
forecast-never = nooit
forecast-chart-arrivals = Aangekomen personen per engagement
forecast-chart-arrivals-desc = Voor elk engagement de personen die binnen zijn jaren aangekomen zijn, week per week: de mediaan binnen de banden van 50, 80 en 95 % van de simulaties, met het engagement als stippellijn.
forecast-chart-stage = Bezetting: { $stage }
forecast-chart-stage-desc = Personen in { $stage } aan het einde van elke week: de mediaan binnen de banden van 50, 80 en 95 % van de simulaties, tegenover de plaatsen (streepjeslijn).
forecast-chart-stage-unlimited-desc = Personen in { $stage } aan het einde van elke week, zonder grens op de plaatsen: de mediaan binnen de banden van 50, 80 en 95 % van de simulaties.
forecast-chart-waiting = Aanvaard en wachtend op een plaats
forecast-chart-waiting-desc = Personen die aanvaard zijn en klaar om te reizen, maar wachten op een vrije plaats (of op het einde van een stopzetting), aan het einde van elke week: de mediaan binnen de banden van 50, 80 en 95 % van de simulaties.
forecast-key-median = mediaan
forecast-key-bands = 50, 80 en 95 % van de simulaties
forecast-key-places = plaatsen
forecast-key-pledge = engagement
forecast-table-of = Tabel: { $chart }
forecast-shocks = Schokken en wat ze kosten
forecast-happens = gebeurt
forecast-what-if = wat als
forecast-shock-halt = Niemand reist vanaf { $from } gedurende { $months ->
        [one] één maand
       *[other] { $months } maanden
    }
forecast-shock-mission = Missie { $mission } geschrapt
forecast-shock-closed = { $places } plaatsen gesloten in { $stage } vanaf { $from }
forecast-shock-closed-for = { $places } plaatsen gesloten in { $stage } vanaf { $from } gedurende { $months ->
        [one] één maand
       *[other] { $months } maanden
    }
forecast-inputs = Invoer en bronnen
forecast-input-family-sizes = Gezinsgrootte
forecast-input-acceptance-rate = Aanvaardingsgraad
forecast-input-decision-weeks = Weken tot de beslissing
forecast-input-pre-departure-weeks = Weken van aanvaarding tot vertrek
forecast-input-stage = Fase: { $about }
forecast-input-submissions = Komende voordrachten
forecast-input-pledge = Engagement { $about }
forecast-stage-centre = opvangcentrum
forecast-stage-loi = lokaal opvanginitiatief
forecast-stage-municipality = gemeente
forecast-stage-integration_support = integratiebegeleiding
## Opvang in fasen: elk verblijf gedateerd, verhuizingen tussen plaatsen

stay-centre = opvangcentrum
stay-loi = lokaal opvanginitiatief
stay-municipality = gemeente
stay-sponsor = woning van een sponsorgroep
stay-home = eigen woning
timeline-stay = verhuisd naar { $kind } { $place } ({ $persons ->
        [one] 1 persoon
       *[other] { $persons } personen
    })
timeline-stay-sponsor = verhuisd naar de woning die sponsorgroep { $place } vond ({ $persons ->
        [one] 1 persoon
       *[other] { $persons } personen
    })
timeline-stay-home = verhuisd naar een eigen woning ({ $persons ->
        [one] 1 persoon
       *[other] { $persons } personen
    })
timeline-stay-until = verbleef er tot { $until } ({ $days } dagen)
timeline-stay-due = { $days } dagen tot nu; het verblijf eindigt uiterlijk { $due }
timeline-stay-over = boven de capaciteit: { $reason }
step-over-capacity-reason = Boven de capaciteit, omdat
step_data-members_travelled = gezinsleden die reisden
step_data-over_capacity_reason = boven de capaciteit, omdat
move-title = Naar een andere plaats verhuizen
move-lead = Het huidige verblijf van het gezin eindigt en het volgende begint op de dag van de verhuizing. Wie terug verhuist (van een LOI naar een centrum), zegt waarom.
move-place = Plaats
move-on = Dag van de verhuizing (als het niet vandaag is)
move-reason = Reden
move-over-capacity-reason = Boven de capaciteit, omdat
move-take = Verhuizing vastleggen
move-done = De verhuizing is vastgelegd: het gezin verblijft vanaf die dag op zijn nieuwe plaats.
move-refused = Niet verhuisd, niets veranderd:
placement-in-stay = in { $kind } { $place } sinds { $from }
placement-stay-ends = eindigt uiterlijk { $due }
placement-due-home = Klaar om naar een woning te verhuizen
placement-due-home-lead = Gezinnen van wie het volgende verblijf een eigen woning is: { $total } in totaal, wie er het langst is eerst. De termijn van het profiel zegt tegen wanneer.
placement-due-home-none = Geen enkel gezin moet naar een woning verhuizen.
placement-col-since = Sinds
placement-col-ends = Verblijf eindigt uiterlijk
placement-past-limit = termijn overschreden
reception-pages = Pagina's van de verwachte aankomsten
## Refusals: why a form or a step was refused, one message per kind of reason; the page names
## the field (by its label) before the reason.

refusal-colon = :
refusal-field-of-member = gezinslid { $number }, { $field }
refusal-missing = dit moet ingevuld worden.
refusal-none_chosen = kies een van: { $allowed }.
refusal-not_in_list = “{ $given }” is geen van de keuzes: { $allowed }.
refusal-not_a_day = “{ $given }” is geen datum.
refusal-not_a_number = “{ $given }” is geen geheel getal.
refusal-not_name_and_day = “{ $given }” is geen controle met haar datum (controle=JJJJ-MM-DD).
refusal-too_long = hoogstens { $max } tekens; dit heeft er { $got }.
refusal-too_many = hoogstens { $max }; het zijn er { $got }.
refusal-over_capacity = { $place } telt { $present } van zijn { $capacity } plaatsen; { $persons } erbij maakt { $after }: kies een plaats met ruimte, of zeg waarom het gezin er toch heen gaat.
refusal-out_of_range = van { $min } tot { $max }; { $got } valt daarbuiten.
refusal-in_future = { $day } ligt na vandaag ({ $today }).
refusal-before_last_step = { $day } ligt vóór de laatste stap van het dossier, op { $last }.
refusal-before = { $day } ligt vóór { $anchor } ({ $other }).
refusal-after = { $day } ligt na { $anchor } ({ $other }).
refusal-too_old = met { $day } zou de persoon { $age } jaar oud zijn; controleer het jaar.
refusal-not_a_country = “{ $given }” is geen land.
refusal-not_a_language = “{ $given }” is geen taal die we kennen.
refusal-not_a_case_number = een UNHCR-dossiernummer heeft 5 tot 24 letters, cijfers of streepjes (niet aan het begin of het einde); “{ $given }” is er geen.
refusal-principal_applicants = precies één gezinslid is de hoofdaanvrager; dit gezin heeft er { $found ->
        [0] geen
       *[other] { $found }
    }.
refusal-step_not_allowed = een dossier in de status { $from } kan niet naar { $to }; het kan naar: { $allowed }.
refusal-decision_without_reason = naar { $to } gaan is een beslissing of een einde: zeg waarom.
refusal-call_off_without_reason = dit annuleert de vertrekdatum die het gezin gekregen heeft: zeg waarom.
refusal-step_back_without_reason = dit beëindigt de sponsoring en brengt het gezin terug naar de opvang: zeg waarom de sponsoring misliep.
refusal-slip_without_reason = het gezin kreeg al eerder een datum voor het { $promise }: zeg waarom die veranderde.
refusal-other_without_words = “{ $reason }” is gekozen: zeg in woorden wat het is.
refusal-no_reason_list = van { $from } naar { $to } gaan neemt geen reden uit de lijst; laat die leeg.
refusal-no_slip = een eerste datum vervangt er geen; laat de reden uit de lijst leeg.
refusal-nothing_to_claim = iedereen die in aanmerking komt is al aangevraagd en geen aangevraagd bedrag veranderde: er valt niets in te dienen.
refusal-unreadable = het bestand is niet te lezen ({ $detail }).
refusal-differs_in_case = verschilt van rij { $row } van hetzelfde dossier (“{ $first }”): de kolommen van een dossier zijn op de rij van elk lid dezelfde.
refusal-members_not_numbered = de leden van dossier { $case } moeten genummerd zijn van 1 tot { $count }, zonder gat.
refusal-member_twice = lid { $given } staat twee keer in het dossier.
refusal-split_decision = een gedeeltelijke beslissing aanvaardt sommige maar niet alle { $members } gezinsleden.
refusal-reception_first = een aangekomen gezin gaat eerst naar een opvangplaats{ $sponsor ->
        [yes] , tenzij een sponsorgroep het opvangt.
       *[no] .
    }
refusal-checks_outstanding = vereist voordat een vertrek gepland wordt: { $missing }.
refusal-not_defined = “{ $given }” hoort niet bij dit programma.
refusal-duplicate = “{ $given }” is al geregistreerd.
refusal-no_such_case = er is geen dossier { $number } dat u mag zien.
refusal-changed_since = het dossier is gewijzigd sinds u het opende (het is nu versie { $version }, u zag { $seen }); laad de pagina opnieuw en probeer het nog eens.
refusal-channel_refuses = het beleid van het programma neemt geen dossiers met prioriteit { $priority } via { $channel }.
refusal-no_target = voor { $year } is er geen quotumbesluit en geen toezegging om te verdelen.
refusal-no_needs = er zijn geen cijfers over hervestigingsnoden voor { $year } of een jaar ervoor.
refusal-not_state_reception = een { $kind } is geen staatsopvang; een gezin dat daar terechtkomt, zet de stap naar gehuisvest.
refusal-no_home = een { $kind } is geen woning: een gehuisvest gezin gaat naar een eigen woning, de woning van een sponsorgroep of een gemeente die het rechtstreeks huisvest.
refusal-request_not_allowed = { $final ->
    [yes] een aanvraag die { $from } is, is definitief en kan niet { $to } worden.
   *[no] een aanvraag die { $from } is, kan niet { $to } worden; ze kan worden: { $allowed }.
}
refusal-resolved_while_requested = { $day } is ingevuld, maar over de aanvraag is nog niet beslist; laat de datum leeg.
refusal-hold_too_long = een stop duurt hoogstens { $max } dagen; deze duurt er { $days }.
refusal-listed_twice = “{ $given }” staat er twee keer.
refusal-none_beside_others = “geen” kan niet naast een afhankelijkheid gekozen worden.
reunification-status-requested = aangevraagd
reunification-status-approved = goedgekeurd
reunification-status-refused = geweigerd
reunification-status-reunited = herenigd
after-arrival-title = Stappen na aankomst
after-arrival-lead = Wat het programma nog van het gezin vraagt na aankomst, elk met de dag waarop het gebeurde en de tijd sinds aankomst.
after-arrival-col-step = Stap
after-arrival-col-by = Door
after-arrival-col-done = Gedaan op
after-arrival-col-days = Tijd sinds aankomst
after-arrival-not-done = nog niet
after-arrival-days = { $days ->
        [one] één dag
       *[other] { $days } dagen
    }
after-arrival-form-title = Een stap na aankomst vastleggen
after-arrival-record = Stap vastleggen
after-arrival-saved = Vastgelegd: { $step }.
after-arrival-refused = Niet vastgelegd:
refusal-not_arrived = het gezin is nog niet aangekomen.
refusal-no_step_back = alleen een gezin dat een sponsorgroep opving, gaat terug naar de opvang, wanneer de sponsoring stukloopt.
refusal-home_is_no_place = de eigen woning van het gezin is geen opvangplaats: geef het adres.
refusal-already_there = { $home ->
    [yes] het gezin woont al in een eigen woning.
   *[other] het gezin verblijft al in { $place }.
}
refusal-move_back_without_reason = een verhuizing van een { $from } terug naar een { $to } is een stap terug: zeg waarom.
refusal-no_stay_yet = het gezin heeft nog geen verblijf: neem het op in de opvang met de stap “in opvang”.
refusal-move_changes_state = een verhuizing van een { $from } naar een { $to } verandert waar het dossier staat: { $back ->
    [yes] zet de stap terug naar “in opvang”.
   *[no] zet de stap “gehuisvest”.
}
refusal-open_before_last = alleen het laatste verblijf mag open zijn: het gezin is hier al vertrokken.
refusal-not_continuous = { $day } is niet de dag waarop het vorige verblijf eindigde ({ $ended }).
refusal-too_few = minstens { $min }; { $got } is te weinig.
refusal-not_in_family = het gezin heeft geen gezinslid { $member } (gezinsleden 1 tot { $members }).
refusal-age_outside = gezinslid { $member } is { $age } op { $on }; dit geldt voor leeftijden van { $min } tot { $max }.
refusal-schooling_unanswered = gezinslid { $member } is schoolplichtig: zeg of het kind naar school gaat.
refusal-no_work_to_match = zonder werk is er geen werk dat bij een kwalificatie past.
refusal-not_where_staying = de opgeslagen plaats “{ $given }” is niet de plaats van het huidige verblijf (“{ $current }”).
refusal-not_stored_as_code = “{ $given }” wordt opgeslagen als de code “{ $code }”.
reunification-title = Gezinshereniging
reunification-lead = Familieleden die achterbleven en die het gezin wil laten overkomen. Een gedeeltelijke beslissing en een aankomst zonder een aanvaard gezinslid openen een verzoek; een verzoek dat na zijn termijn nog op een beslissing wacht, is over tijd.
reunification-col-no = Nr.
reunification-col-relative = Familielid
reunification-col-status = Stand
reunification-col-requested = Aangevraagd
reunification-col-due = Beslissing uiterlijk
reunification-no-limit = geen termijn
reunification-overdue = { $days ->
        [one] één dag te laat
       *[other] { $days } dagen te laat
    }
reunification-overdue-line = gezinshereniging van { $name }
ties-title = Verzoek { $number }: { $name }
ties-dependency = Afhankelijkheid
ties-evidence = Bewijs van familiebanden
ties-not-recorded = niet vastgelegd
ties-save = Afhankelijkheid en bewijs bewaren
ties-saved = De afhankelijkheid en het bewijs van verzoek { $number } zijn bewaard.
ties-refused = Niet bewaard:
dependency-none = geen
dependency-financial = financieel
dependency-emotional = emotioneel
dependency-medical = medisch
evidence-documents = burgerlijke documenten
evidence-dna = DNA-test
evidence-testimony = getuigenis
evidence-photographs = foto’s
evidence-unhcr_records = registratie bij UNHCR
refusal-characters = “{ $given }” mag alleen letters, cijfers en { $others } bevatten.
refusal-too_short = er zijn minstens { $min } tekens nodig, spaties aan het begin en einde niet meegeteld; dit heeft er { $got }.
refusal-one_character_repeated = het is één teken herhaald; kies een zin van meerdere woorden.
refusal-common_password = het staat op de lijst van de meest gebruikte wachtwoorden uit datalekken; kies een ander.
refusal-role_not_held = de gebruiker heeft de rol “{ $role }” niet.
refusal-no_organisation = u hoort bij geen organisatie die dossiers voordraagt.
refusal-not_a_list_position = “{ $given }” is geen plek in deze lijst: volg de link “volgende pagina” van de lijst, of begin opnieuw bij de eerste pagina.
refusal-not_a_web_address = “{ $given }” is geen http://- of https://-adres zonder zoekvraag.
refusal-not_an_email = “{ $given }” is geen e-mailadres (naam@domein).
refusal-not_a_phone = “{ $given }” is geen gsm-nummer in internationale vorm (+ en 8 tot 15 cijfers, bv. +961 3 123 456).
refusal-no_rate = het beleidsprofiel van het programma heeft geen bedrag voor { $instrument }.
refusal-several = er zijn er meerdere ({ $found }); noem er één.
refusal-one_of = geef { $fields }, niet beide.
refusal-no_longer = het is niet meer { $was }: het werd gewijzigd sinds u het laadde; laad opnieuw en probeer nog eens.
refusal-place_not_of_kind = { $place } is een { $is }, geen { $wanted }.
refusal-at_most_one = geef hoogstens één van { $fields }.
refusal-not_combined = kan niet gecombineerd worden met { $with }.
refusal-figures = met deze cijfers kan niet gerekend worden ({ $detail }).
refusal-no_scenario_for = geen scenario dat met resettle meekomt geeft standaardwaarden voor het opvangmodel “{ $model }”; maak een prognose met een eigen scenariobestand.
refusal-newer_schema = de kopie heeft schemaversie { $version }, nieuwer dan { $latest } van deze versie; zet ze terug met de versie van resettle die ze schreef.
refusal-untrustworthy = de kopie is niet te vertrouwen ({ $detail }).
refusal-own_tools = een PostgreSQL-databank wordt met haar eigen hulpmiddelen geback-upt en teruggezet, niet door resettle.
refusal-storage = het kon niet bewaard worden; de fout is vastgelegd.
anchor-submitted = de dag waarop het dossier werd voorgedragen
anchor-step_before = de stap ervoor
anchor-step_recorded = de dag waarop de stap werd vastgelegd
anchor-promised = de dag waarop ze werd beloofd
anchor-day_set = de dag waarop ze werd vastgesteld
anchor-request_filed = de dag waarop het verzoek werd ingediend
anchor-arrived = de dag waarop het gezin aankwam
anchor-current_stay_began = de dag waarop het huidige verblijf van het gezin begon
anchor-stay_began = de dag waarop het verblijf begon
anchor-support_starts = de dag waarop de begeleiding begint
anchor-support_ends = de dag waarop de begeleiding eindigt
anchor-hold_starts = het begin van de stop
anchor-starts = de dag waarop het begint
anchor-follow_up_due = de dag van de opvolging na { $months } maanden
## Het verslag aan het parlement (/report)
nav-report = Verslag aan het parlement
report-page-title = Verslag aan het parlement
report-page-lead = Het jaarverslag over het programma: toezeggingen tegenover aankomsten, wie aankwam, selectiemissies, doorlooptijden, vertragingen en hun redenen, beslissingen per groep, gezinshereniging, opvang en financiën.
report-page-year = Jaar
report-page-language = Taal van het verslag
report-page-format = Formaat
report-page-format-html = webpagina (HTML)
report-page-format-pdf = pdf-document
report-page-format-xlsx = rekenblad (XLSX)
report-page-format-csv = cijfers als CSV
report-page-round = Elk aantal afronden op het dichtstbijzijnde veelvoud van 5 (werkwijze van Eurostat)
report-page-suppression = Aantallen die te klein zijn om te publiceren worden niet getoond, zoals de gegevensbeschermingsinstellingen van het programma bepalen.
report-page-build = Verslag opstellen
report-page-refused-year = Het verslag werd niet opgesteld: geef een jaar van { $min } tot { $max } dat al begonnen is.
claim-page-title = Financieringsaanvraag
claim-page-lead = Iedere voor hervestiging geaccepteerde persoon die in het jaar aankwam, één keer, met het bedrag dat volgens het beleidsprofiel van het programma voor hem of haar wordt aangevraagd, en het totaal.
claim-page-instrument = Instrument
claim-page-instrument-amif = EU-financiering (AMIF), per persoon
claim-page-instrument-allowance = vergoeding aan de ontvangende gemeente
claim-page-language = Taal van de aanvraag
claim-page-build = Aanvraag opstellen
claim-page-refused-instrument = De aanvraag werd niet opgesteld: het beleidsprofiel van het programma kent deze financiering niet. Kies het andere instrument.
claims-page-title = Ingediende financieringsaanvragen
claims-page-lead = Een ingediende aanvraag verandert nooit. Een latere aanvraag voor hetzelfde instrument en jaar noemt alleen wie nog in geen aanvraag stond, en corrigeert, met de reden, het bedrag van wie eerder werd aangevraagd en van wie het bedrag veranderde: niemand wordt twee keer aangevraagd.
claims-page-file-title = Een aanvraag indienen
claims-page-file-lead = Dient de aanvraag van het jaar in zoals die vandaag is. Zolang het jaar niet voorbij is, voegt een latere aanvraag wie later aankomt toe.
claims-page-file = Aanvraag indienen
claims-page-refused = De aanvraag is niet ingediend:
claims-page-filed = De aanvraag is ingediend.
claims-page-filed-title = Ingediende aanvragen
claims-page-none = Er is nog geen aanvraag ingediend.
claims-page-claim = { $instrument }, { $year }, aanvraag { $number }
claims-page-claim-filed = Ingediend op { $day } door { $by }, aankomsten geteld tot { $as_of }; totaal € { $total }.
claims-page-lines = { $count ->
    [one] één regel
   *[other] { $count } regels
}
claims-page-person = Persoon (dossier/lid)
claims-page-kind = Regel
claims-page-amount = Bedrag
claims-page-kind-claim = aangevraagd
claims-page-kind-correction = correctie
claims-page-reason-amount_changed = het bedrag veranderde
claims-page-reason-no_longer_eligible = niet langer bij de aankomsten van het jaar
report-page-claims-link = Ingediende financieringsaanvragen

## De quotumpagina: het plan verdeeld over situaties en kanalen, gevolgd tot aankomst.
nav-quota = Quotum
quota-title = Quotum per situatie en kanaal
quota-lead = De plaatsen van elk jaar verdeeld over vluchtelingensituaties naar rato van de door UNHCR voorziene hervestigingsnoden, met de minima van het programma, en over selectiemissies, dossierbehandeling en noodplaatsen; de missies die dat vraagt; en elk jaar gevolgd tot aankomst.
quota-programme = Programma
quota-from = Van
quota-to = Tot en met
quota-emergency = Noodplaatsen per jaar
quota-allocate = Verdeel het plan
quota-allocation-title = Het plan per situatie en kanaal
quota-floors = Minima:
quota-floors-none = geen
quota-chart-title = Plaatsen per jaar per vluchtelingensituatie
quota-situation-africa = Afrikaanse situaties
quota-situation-syria = Syrische vluchtelingen
quota-situation-other = Andere situaties
quota-year-on-top = { $places } plaatsen: het doel van { $target } plus { $emergency } noodplaatsen bovenop.
quota-year-within = { $places } plaatsen, waarvan { $emergency } noodplaatsen.
quota-target-decision = Het doel is dat van het quotumbesluit.
quota-target-pledge = Het doel is de toezegging van het jaar.
quota-needs-of = Noden van { $year }.
quota-col-situation = Situatie
quota-col-total = Totaal
quota-missions-title = Selectiemissies nodig in { $year }
quota-col-country = Land van asiel
quota-col-mission-persons = Personen via missie
quota-col-missions = Missies
quota-col-planned = Al gepland
quota-col-to-plan = Nog te plannen
quota-country-none = geen land van asiel bekend
quota-needs-title = De cijfers over noden en hun bronnen
quota-needs-note = Een jaar zonder eigen cijfers gebruikt die van het laatste eerdere jaar. Geen bron geeft de afzonderlijke Afrikaanse situaties (Grote Meren, Zuid-Soedan, Soedan, Somalië, Centraal-Afrikaanse Republiek).
quota-track-title = Een jaar gevolgd tot aankomst
quota-track-year = Jaar
quota-track-show = Toon het jaar
quota-sponsored-left-out = Gezinnen met sponsors komen hier bovenop het quotum en tellen er dus niet voor mee.
quota-col-channel = Kanaal
quota-col-target = Doel
quota-col-submitted = Voorgedragen
quota-col-accepted = Aanvaard
quota-col-departed = Vertrek vastgelegd
quota-col-arrived = Aangekomen
quota-col-gap = Tekort
quota-delays-title = Vertragingen achter het tekort, per reden
quota-delays-none = Dat jaar schoof geen datum op die aan een gezin was meegedeeld.
quota-col-reason = Reden
quota-col-cases = Dossiers
quota-col-persons = Personen
quota-decisions-title = Quotumbesluiten
quota-decisions-none = Er is nog geen quotumbesluit vastgelegd.
quota-decision-line = Besluit { $id }, bekendgemaakt op { $published }: voorgesteld door { $proposed }, na raadpleging van { $consulted }.
quota-decide-title = Een quotumbesluit vastleggen
quota-field-proposed_by = Voorgesteld door
quota-field-consulted = Geraadpleegd
quota-field-motivation = Motivering
quota-field-published_on = Bekendgemaakt op
quota-field-years = Personen per jaar
quota-field-years-hint = Per jaar het jaar en de personen, gescheiden door komma's: 2022=2000, 2023=3000, 2024=3821.
quota-field-emergency = Noodplaatsen in elk van die jaren
quota-decide-save = Besluit vastleggen
quota-saved = Besluit { $id } vastgelegd.
quota-refused = Niet gedaan:
quota-rule-from = het eerste jaar moet een jaar van 1950 tot 2100 zijn met een quotumbesluit of een toezegging, en met cijfers over noden in of voor dat jaar.
quota-rule-to = het laatste jaar mag niet voor het eerste liggen, en een plan loopt hoogstens 50 jaar.
quota-rule-years = geef elk jaar één keer als JAAR=PERSONEN, van 1950 tot 2100, met hoogstens 10.000.000 personen.
quota-rule-emergency = noodplaatsen zijn een geheel getal van 0 tot 10.000.000.
quota-rule-proposed_by = zeg wie het quotum voorstelde (hoogstens 4.000 tekens).
quota-rule-consulted = zeg wie geraadpleegd werd (hoogstens 4.000 tekens).
quota-rule-motivation = geef de motivering: een quotum dat niemand motiveerde, kan niemand verantwoorden (hoogstens 4.000 tekens).
quota-rule-published_on = geef de dag van bekendmaking.
quota-rule-year = het te volgen jaar moet een jaar van 1950 tot 2100 zijn met een quotumbesluit of een toezegging.

# Integratiebegeleiding: de werklijst en de begeleiding van een gezin (issue 25).
nav-support = Begeleiding
support-title = Werklijst begeleiding
support-lead = De gezinnen die u na aankomst begeleidt: de taken die hun check-ins openden, de achterstallige check-ins en het begeleidingsplan van elk gezin.
support-tasks = Open taken
support-no-tasks = Geen open taken.
support-col-opened = Geopend
support-col-task = Taak
support-col-from = Uit
support-checkin-at = check-in na { $months } maanden
support-overdue = Achterstallige check-ins
support-no-overdue = Geen enkele check-in is achterstallig.
support-col-due = Verschuldigd sinds
support-col-checkin = Check-in
support-col-provider = Begeleider
support-families = Gezinnen in begeleiding ({ $n })
support-no-families = Geen gezin in begeleiding.
support-col-next = Volgende check-in
support-checkin-due = check-in na { $months } maanden, verschuldigd op { $due }
support-nothing-due = geen verschuldigd
support-family-title = Begeleiding van { $case }
support-back = Terug naar de werklijst
support-done-contact = Het contact is vastgelegd.
support-done-checkin = De check-in is vastgelegd.
support-done-goal = Het doel is als bereikt gemarkeerd.
support-done-task = De taak is afgesloten.
support-plan = Begeleidingsplan
support-starts = Begin
support-ends = Gepland einde
support-months = { $n } maanden
support-no-plan = Nog geen begeleidingsplan: de opvang of de begeleider stelt het op.
support-goals = Doelen
support-goal = Doel
support-col-target = Streefdatum
support-col-state = Stand
support-goal-reached = bereikt op { $on }
support-goal-late = streefdatum voorbij
support-goal-open = open
support-goal-refused = Het doel is niet als bereikt gemarkeerd:
support-goal-reached-on = Bereikt op
support-goal-mark = Markeer als bereikt
support-task-opened = geopend op { $on } door de check-in na { $months } maanden
support-task-closed = Afgesloten op { $on }
support-task-refused = De taak is niet afgesloten:
support-task-note = Wat er gedaan is
support-task-close = Sluit de taak af
support-task = Taak
support-checkins = Welzijnscheck-ins
support-no-checkins = Nog geen check-in beantwoord.
support-col-answered = Beantwoord
support-col-home = Eigen woning
support-checkin-language = Taalcursus
support-checkin-school = Kinderen op school
support-checkin-work = Werk of opleiding
support-checkin-health = Gezondheidszorg
support-checkin-relatives = Gezinsleden nog in het buitenland
support-checkin-feeling = Hoe het gezin vindt dat het gaat
support-yes = ja
support-no = nee
support-home-facts = eigen keuken { $kitchen }, eigen douche { $shower }, { $rooms } kamers
support-of = { $n } van { $of }
support-work-facts = { $working } van { $of } aan het werk, { $matching } passend bij hun kwalificaties
support-health-facts = ingeschreven bij een huisarts { $doctor }, zorg wanneer nodig { $care }
support-not-answered = niet beantwoord
feeling-1 = heel slecht
feeling-2 = slecht
feeling-3 = gaat wel
feeling-4 = goed
feeling-5 = heel goed
support-checkin-record = Een check-in vastleggen
support-checkin-lead = Stel de vragen samen met het gezin. Een probleem dat uit de antwoorden blijkt (geen eigen woning, een kind dat niet naar school gaat, een gezinslid nog in het buitenland) opent een taak voor de begeleider.
support-checkin-refused = De check-in is niet vastgelegd:
support-checkin-months = Check-in
support-checkin-answered-on = Beantwoord op
support-checkin-housing = Wonen
support-checkin-own-home = Het gezin woont in een eigen woning
support-checkin-own-kitchen = Het heeft een eigen keuken
support-checkin-own-shower = Het heeft een eigen douche
support-checkin-rooms = Kamers (zonder keuken en badkamer)
support-checkin-language-course = Een volwassene volgt een taalcursus
support-checkin-child-in-school = Gezinslid { $member } ({ $age } jaar) gaat naar school
support-checkin-adult-works = Gezinslid { $member } ({ $age } jaar) heeft werk
support-checkin-adult-trains = Gezinslid { $member } volgt een opleiding naar werk
support-checkin-adult-match = Het werk van gezinslid { $member } past bij de kwalificaties
support-checkin-health-hint = Bijzondere persoonsgegevens: verzegeld, en alleen gelezen door de medisch officier en de begeleider.
support-checkin-doctor = Elk gezinslid is ingeschreven bij een huisarts
support-checkin-care = Het gezin krijgt zorg wanneer het die nodig heeft
support-checkin-health-skip = Het gezin beantwoordt deze vragen liever niet
support-checkin-save = Leg de check-in vast
support-contacts = Vastgelegde contacten
support-no-contacts = Nog geen contact vastgelegd.
support-contact-log = Een contact vastleggen
support-contact-refused = Het contact is niet vastgelegd:
support-contact-on = Dag
support-contact-kind = Hoe
support-contact-note = Waarover het ging
support-contact-hint = Geen gezondheidsgegevens hier: die horen in de verzegelde antwoorden van een check-in.
support-contact-save = Leg het contact vast
task-no_own_housing = geen eigen woning
task-child_not_in_school = kind gaat niet naar school
task-relative_abroad = gezinslid nog in het buitenland
goal-own_housing = een eigen woning
goal-language_course = taalcursus
goal-school_enrolment = inschrijving op school
goal-doctor_registration = inschrijving bij een huisarts
goal-work_or_training = werk of opleiding
goal-family_abroad = gezinsleden uit het buitenland herenigd
contact_kind-visit = huisbezoek
contact_kind-office = op kantoor
contact_kind-call = telefoongesprek
contact_kind-message = bericht
provider_kind-ngo = middenveldorganisatie
provider_kind-municipality = gemeente
provider_kind-sponsor_group = sponsorgroep
answered_by-staff = door een begeleider
answered_by-family = door het gezin

## De importpagina (/import)
submit-import = Veel dossiers tegelijk? Importeer een rekenblad
import-page-title = Voordrachten importeren
import-too-large = Het bestand is groter dan { $mib } MiB: splits het in kleinere bestanden en importeer ze een voor een.
import-page-lead = Registreer de voordrachten van UNHCR uit een rekenblad (CSV of XLSX), één rij per persoon. Het bestand wordt eerst gecontroleerd en er wordt niets opgeslagen tot u het importeert; een bestand met één foute rij importeert niets en elke foute rij wordt vermeld. Dossiers die al geregistreerd zijn blijven zoals ze zijn.
import-page-columns = De kolommen, in deze volgorde
import-page-columns-lead = Lijsten worden gescheiden door puntkomma’s; opleiding, beroep en gekoppelde dossiers mogen leeg zijn. Een andere indeling wordt via de opdrachtregel gelezen met een koppelbestand.
import-page-check-title = Een bestand controleren
import-page-file = Bestand (CSV of XLSX)
import-page-check = Bestand controleren
import-page-refused = Er werd niets geïmporteerd:
import-page-problems = Er werd niets geïmporteerd: { $name } heeft { $count ->
        [one] één probleem
       *[other] { $count } problemen
    }. Verbeter het bestand en controleer het opnieuw.
import-page-problems-title = De problemen, per rij
import-page-row = Rij
import-page-column = Kolom
import-page-value = Waarde
import-page-reason = Waarom
import-page-whole-file = het bestand
import-page-preview-title = Wat { $name } zou registreren
import-page-preview = { $cases ->
        [one] één dossier
       *[other] { $cases } dossiers
    }, { $persons ->
        [one] één persoon
       *[other] { $persons } personen
    }: { $added } { $added ->
        [one] zou
       *[other] zouden
    } geregistreerd worden, { $unchanged } { $unchanged ->
        [one] is
       *[other] zijn
    } al geregistreerd.
import-page-import = { $added ->
        [one] Het dossier importeren
       *[other] De { $added } dossiers importeren
    }
import-page-done = Geïmporteerd: { $added } geregistreerd, { $unchanged } al geregistreerd, van { $cases ->
        [one] één dossier
       *[other] { $cases } dossiers
    } en { $persons ->
        [one] één persoon
       *[other] { $persons } personen
    } in het bestand.