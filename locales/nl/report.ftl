# Het verslag aan het parlement (resettle report annual, de verslagpagina). Nederlands.
# Woorden voor landen, categorieën, geslacht en redenen van uitstel komen uit staff.ftl.

report-title = Hervestiging in { $year }: verslag aan het parlement
report-contents = Inhoud
report-field-programme = Programma
report-field-made-on = Opgesteld op
report-field-profile = Beleidsprofiel
report-field-up-to = Cijfers tot en met
report-partial = Het jaar is niet voorbij: de cijfers lopen tot { $date } en zijn niet definitief.
report-withheld = <{ $threshold }
report-percent = { $value } %
report-total = Totaal
report-none = Geen in dit jaar.
money-euros = € { $amount }

report-summary-heading = Het jaar in één oogopslag
report-persons-arrived = Aangekomen personen
report-families-arrived = Aangekomen gezinnen
report-persons-accepted = Aanvaarde personen
report-persons-refused = Geweigerde personen
report-missions-done = Uitgevoerde selectiemissies
report-missions-planned = Geplande selectiemissies

report-pledges-heading = Toezeggingen tegenover aankomsten
report-pledges-lead = De toezegging van elk jaar tegenover de personen die dat jaar aankwamen, voor elk jaar van het plan tot nu. Het verschil is het deel van de toezegging dat niet werd nagekomen.
report-pledges-chart = Toegezegde en aangekomen personen per jaar
report-pledges-chart-key = Lichte staven: toegezegde personen; donkere staven: aangekomen personen. Het getal boven een jaar is het deel van de toezegging dat niet werd nagekomen.
report-year-so-far = { $year } (tot nu)
report-col-year = Jaar
report-col-pledged = Toegezegd
report-col-arrived = Aangekomen
report-col-gap = Verschil
report-col-source = Bron

report-arrivals-heading = Wie aankwam
report-arrivals-lead = Personen die in het jaar aankwamen, elk één keer geteld: van een gezin dat gedeeltelijk werd aanvaard alleen de aanvaarde leden.
report-arrivals-by = Aangekomen personen naar { $dimension }
report-col-persons = Personen
report-by-nationality = nationaliteit
report-by-country_of_asylum = land van eerste opvang
report-by-category = categorie van voordracht
report-by-age_band = leeftijd
report-by-sex = geslacht
report-by-family_size = personen in het gezin
report-by-medical_needs = medische noden
report-by-ground = grond van weigering
report-by-waiting = wachttijd
report-category-none = geen categorie geregistreerd
report-age-band = { $band } jaar
report-medical-yes = voorgedragen met medische noden
report-medical-no = zonder medische noden

report-missions-heading = Selectiemissies
report-col-mission = Missie
report-col-country = Bezocht land
report-col-from = Van
report-col-to = Tot
report-col-status = Stand
report-col-cases = Dossiers
report-mission-planned = gepland
report-mission-completed = uitgevoerd
report-mission-cancelled = geannuleerd

report-durations-heading = Doorlooptijden
report-durations-lead = Hoe lang gezinnen wachtten, in dagen: van de voordracht door UNHCR tot de beslissing (beslissingen van het jaar), en van de aanvaarding tot de aankomst (aankomsten van het jaar), tegenover de termijn die het beleidsprofiel voor dossiers met normale prioriteit stelt.
report-col-interval = Termijn
report-col-families = Gezinnen
report-col-median = Mediaan (dagen)
report-col-p90 = 90e percentiel (dagen)
report-col-limit = Termijn (dagen)
report-col-over-limit = Gezinnen boven de termijn
report-interval-submission_to_decision = Voordracht tot beslissing
report-interval-acceptance_to_arrival = Aanvaarding tot aankomst
report-no-limit = geen vastgelegd
report-limit-source = { $interval }: de termijn van { $days } dagen komt uit { $source }.

report-delays-heading = Vertragingen en hun redenen
report-delays-lead = Elke vertraging van het jaar: een vertrek- of interviewdatum vervangen door een latere, een afgelast vertrek, een uitgestelde beslissing; gegroepeerd naar de geregistreerde reden, met de getroffen gezinnen en personen.
report-col-delay = Vertraging
report-col-reason = Reden
report-col-delays = Vertragingen
report-delay-departure_moved = vertrekdatum verschoven
report-delay-interview_moved = interviewdatum verschoven
report-delay-departure_called_off = vertrek afgelast
report-delay-decision_deferred = beslissing uitgesteld

report-decisions-heading = Beslissingen
report-decisions-lead = Personen over wie in het jaar werd beslist, aanvaard en geweigerd, per groep, zodat het parlement kan zien of de selectie elke groep gelijk behandelt (aanbeveling 6 van de ngo's). Het aanvaardingspercentage is het aandeel aanvaarden onder wie een beslissing kreeg.
report-decisions-by = Beslissingen naar { $dimension }
report-col-accepted = Aanvaard
report-col-refused = Geweigerd
report-col-rate = Aanvaardingspercentage
report-grounds-caption = Geweigerde personen naar de aangevoerde grond
report-ground-not_recorded = geen grond geregistreerd

report-reunification-heading = Wachtende aanvragen voor gezinshereniging
report-reunification-lead = Aanvragen om achtergebleven familieleden over te brengen die op { $date } op een beslissing wachtten, naar hoe lang ze al wachtten.
report-col-requests = Aanvragen
report-waiting-under_6_months = minder dan 6 maanden
report-waiting-6_to_12_months = 6 tot 12 maanden
report-waiting-1_to_2_years = 1 tot 2 jaar
report-waiting-2_years_and_more = 2 jaar of langer

report-reception-heading = Bezetting van de opvang
report-reception-lead = Opvangplaatsen en de personen die er op { $date } verbleven (de bezetting wordt niet per dag bijgehouden).
report-col-place = Soort plaats
report-col-places = Plaatsen
report-col-capacity = Capaciteit (personen)
report-col-occupied = Verblijvende personen
report-col-occupancy = Bezetting
report-place-centre = opvangcentra
report-place-loi = lokale opvanginitiatieven
report-place-municipality = gemeentelijke plaatsen
report-place-total = alle plaatsen

report-money-heading = Financiën
report-money-lead = De EU-financiering en de vergoedingen die volgens het beleidsprofiel uit de aankomsten van het jaar volgen, op basis van de gepubliceerde aantallen.
report-eu-per-person = EU-financiering per hervestigde persoon
report-eu-persons = Aanvaarde en aangekomen personen
report-eu-total = Aan te vragen EU-financiering
report-no-funding = het profiel vermeldt geen EU-financiering
report-allowance-adult = Vergoeding per volwassene
report-allowance-minor = Vergoeding per minderjarige
report-adults = Aangekomen volwassenen (18 en ouder)
report-minors = Aangekomen minderjarigen
report-allowances-total = Verschuldigde vergoedingen
report-allowance-purpose = De vergoeding dient voor
report-no-allowance = het profiel betaalt geen vergoeding

report-method-heading = Hoe de cijfers tot stand kwamen
report-method-suppression = Aantallen van 1 tot { $below } worden niet getoond maar als <{ $threshold } weergegeven, zodat geen tabel een gezin aanwijst; waar één verborgen aantal uit een totaal af te leiden is, wordt ook het volgende kleinste verborgen. Nullen worden getoond: ze beschrijven niemand. Een percentage of mediaan wordt alleen gegeven voor { $threshold } personen of meer.
report-method-rounded = Elk gepubliceerd aantal is afgerond op het dichtstbijzijnde veelvoud van 5 (de werkwijze van Eurostat); totalen worden apart afgerond, zodat rijen er niet altijd precies op optellen.
report-method-not-rounded = De aantallen zijn niet afgerond.
report-method-persons = Een persoon wordt één keer per jaar geteld, hoeveel stappen het dossier ook zette. Een gezin wordt per dossier geteld. Leeftijden gelden op de dag van aankomst voor aankomsten, op de dag van de beslissing voor beslissingen.
report-method-percentiles = Medianen en 90e percentielen volgen de methode van de dichtstbijzijnde rang: elk is een aantal dagen dat een gezin werkelijk wachtte.
report-method-pledges = De tabel van de toezeggingen telt de aankomsten van een jaar zoals het dashboard van het programma, elk lid van een aangekomen gezin; de tabellen van wie aankwam tellen alleen de aanvaarde leden, zodat beide kunnen verschillen met de leden die een gedeeltelijke beslissing achterliet.
report-method-not-given = Een streepje (—) staat voor een percentage of een aantal dagen dat niet wordt gegeven omdat er te weinig personen of gezinnen achter staan.

# Financieringsaanvragen
claim-title-amif = AMIF-aanvraag voor de aankomsten in { $year }
claim-title-allowance = Gemeentelijke vergoedingen voor de aankomsten in { $year }
claim-instrument-amif = EU-Fonds voor asiel, migratie en integratie (AMIF)
claim-instrument-allowance = Vergoeding aan de ontvangende gemeente
claim-lead-amif = Iedere voor hervestiging geaccepteerde persoon die in { $year } aankwam, staat hier één keer, met het bedrag dat het fonds voor hem of haar betaalt.
claim-lead-allowance = Iedere voor hervestiging geaccepteerde persoon die in { $year } aankwam, staat hier één keer, met de vergoeding aan de ontvangende gemeente: per volwassene (18 jaar of ouder bij aankomst) en per minderjarige, voor het eerste cohort de vergoeding van dat cohort in plaats van de gewone.
claim-partial = Het jaar is nog niet voorbij: wie na { $date } aankomt, wordt later aangevraagd.
claim-summary-heading = Samenvatting
claim-field-instrument = Instrument
claim-rate-person = Per persoon
claim-rate-adult = Per volwassene
claim-rate-minor = Per minderjarige
claim-rate-first_cohort_adult = Per volwassene van het eerste cohort
claim-rate-first_cohort_minor = Per minderjarige van het eerste cohort
claim-field-persons = Aangevraagd voor personen
claim-field-total = Totaal aangevraagd
claim-lines-heading = Personen waarvoor wordt aangevraagd
claim-lines-caption = Eén regel per persoon, naar dag van aankomst
claim-col-person = Persoon
claim-col-case = Dossiernummer
claim-col-member = Gezinslid
claim-col-arrived = Aangekomen op
claim-col-age = Volwassene of minderjarige
claim-col-cohort = Cohort
claim-col-amount = Bedrag
claim-adult = volwassene
claim-minor = minderjarige
claim-cohort-first = eerste cohort
claim-cohort-ordinary = gewoon
claim-total = Totaal

## Wat het programma na aankomst leert (issue 25), en het quotum tegenover aankomsten (issue 24).
report-cohorts-heading = Wat het programma na aankomst leert
report-cohorts-lead = Uit de welzijnscheck-ins van de gezinnen, per jaar van aankomst: hoeveel van wie antwoordde ja zei. Een aandeel waarvan het aantal ja of nee onder { $threshold } ligt, wordt niet getoond, zoals op het openbare dashboard; een streepje betekent dat nog geen gezin van dat jaar heeft geantwoord.
report-cohorts-none = Nog geen gezin heeft een welzijnscheck-in beantwoord.
report-col-measure = Maatstaf
report-cohort-arrived-in = Aangekomen in { $year }
report-cohort-share = { $yes } van { $of } ({ $percent }%)
report-quota-heading = Het quotum per situatie tegenover aankomsten
report-quota-lead = Het quotum van het jaar verdeeld over vluchtelingensituaties en selectiekanalen, tegenover de personen die uit elke situatie via elk kanaal aankwamen. De doelen zijn de cijfers van het plan; aankomsten worden geteld zoals elders in dit verslag.
report-quota-none = Voor dit jaar is geen quotumdoel vastgelegd: geen quotumbesluit en geen toezegging.
report-quota-sponsored = Gezinnen die een sponsorgroep opvangt, zijn niet meegeteld: het profiel plaatst community sponsorship bovenop het quotum.
report-col-situation = Vluchtelingensituatie
report-col-channel = Kanaal
report-col-target = Doel
