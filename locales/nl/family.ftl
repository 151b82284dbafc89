# De statuspagina van het gezin (/family) en de brief met zijn toegangscode, Nederlands.
# Elk bericht bestaat ook in en, fr, ar en fa (een test vergelijkt de bestanden).

## Paginakader

nav-skip = Naar de inhoud
nav-language = Taal
family-brand = Uw dossier
family-title = Uw dossier
family-footer = Deze pagina toont wat het hervestigingsprogramma over uw dossier heeft vastgelegd. Ze vervangt geen brief van het programma.
# Een dag voluit; $month is 1 tot 12.
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
duration-days = { $n ->
        [one] { $n } dag
       *[other] { $n } dagen
    }
duration-months = { $n ->
        [one] { $n } maand
       *[other] { $n } maanden
    }

## Aanmelden met de code uit de brief

family-sign-in-title = Uw dossier volgen
family-sign-in-lead = Vul het dossiernummer en de toegangscode in uit de brief die u kreeg.
family-case-number = Dossiernummer
family-code = Toegangscode
family-code-hint = Twaalf letters en cijfers, zoals in uw brief; streepjes en spaties maken niet uit.
family-open = Mijn dossier openen
family-refused = Het dossiernummer of de toegangscode klopt niet. Vergelijk ze met uw brief en probeer opnieuw.
family-too-many = Te veel verkeerde codes. Wacht { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    } en probeer dan opnieuw.
family-session-ended = Uw sessie is afgelopen. Vul uw dossiernummer en code opnieuw in.
family-sign-out = Afmelden
family-signed-out = U bent afgemeld.
family-error = Er ging bij ons iets mis. Probeer het later opnieuw.

## Waar het dossier staat

family-case = Dossiernummer
family-now-title = Waar uw dossier staat
family-since = Sinds { $date } ({ $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }).
family-next-title = Volgende stap
family-promised = { $kind ->
        [interview] Uw interviewdatum: { $date }.
       *[departure] Uw vertrekdatum: { $date }.
    }
family-promised-passed = { $kind ->
        [interview] De interviewdatum die u kreeg, { $date }, is voorbij, en er is nog geen nieuwe datum.
       *[departure] De vertrekdatum die u kreeg, { $date }, is voorbij, en er is nog geen nieuwe datum.
    }
family-promised-held = Die datum valt in de stilstand van het programma en kan niet doorgaan.

## De schatting

family-estimate-title = Schatting, geen belofte
family-estimate-range = Waarschijnlijk over { $low } tot { $high }.
family-estimate-half = Waarschijnlijk over { $low } of later.
family-estimate-basis = Van de { $cases } gezinnen in een situatie als de uwe (zelfde programma, zelfde soort procedure, zelfde urgentie, zelfde land) die al even lang wachtten als u, bereikte de helft de volgende stap binnen { $low } en negen op tien binnen { $high }.
family-estimate-basis-half = Van de { $cases } gezinnen in een situatie als de uwe die al even lang wachtten als u, bereikte de helft de volgende stap binnen { $low }; te veel wachten nog om meer te zeggen.
family-estimate-unknown = Van de { $cases } gezinnen in een situatie als de uwe die al even lang wachtten als u, wacht meer dan de helft nog: er is nog geen schatting mogelijk.
family-estimate-not-ready = De schatting wordt voorbereid; kijk over enkele minuten opnieuw.
family-estimate-too-few = Minder dan 20 gezinnen in een situatie als de uwe hebben zo lang gewacht: te weinig voor een schatting.
family-estimate-not-a-promise = Dit is geteld uit wat andere gezinnen meemaakten. Het is geen datum die u werd gegeven; uw eigen datum kan vroeger of later komen.

## Stilstand en data die veranderden

family-holds-title = Het programma ligt stil
family-hold-current = Het programma ligt stil van { $from } tot { $until }: in die tijd reist geen enkel gezin.
family-hold-coming = Het programma ligt stil van { $from } tot { $until }: in die tijd zal geen enkel gezin reizen.
family-hold-breaks = { $kind ->
        [interview] Uw interviewdatum valt in die periode en kan niet doorgaan. U krijgt een nieuwe datum.
       *[departure] Uw vertrekdatum valt in die periode en kan niet doorgaan. U krijgt een nieuwe datum.
    }
family-reason = Reden:
family-reason-not-given = De reden werd niet vastgelegd in woorden die we kunnen vertalen; vraag ernaar bij de contactpersoon hieronder.
family-slips-title = Data die veranderden
family-slip = { $kind ->
        [interview] Uw interviewdatum verschoof van { $old } naar { $new } (beslist op { $on }).
       *[departure] Uw vertrekdatum verschoof van { $old } naar { $new } (beslist op { $on }).
    }

## Wat het programma elk gezin zegt

family-advice-title = Wat u nog niet moet doen
family-contact-title = Bij wie u terechtkunt

## Het verloop

timeline-title = Uw dossier tot nu toe
timeline-opened = { $to }
timeline-moved = { $to }
timeline-by = door { $actor }
timeline-why = Waarom:
timeline-member = gezinslid { $number }
step_data-departure_date = vertrekdatum
step_data-promised_date = de datum die u had gekregen

## De stappen

state-submitted = Voorgedragen door UNHCR
state-scheduled_for_mission = Interview gepland met een selectiemissie
state-dossier_review = Uw dossier wordt bestudeerd
state-interviewed = Interview gehad; wachten op de beslissing
state-accepted = Aanvaard
state-accepted_in_part = Aanvaard voor een deel van het gezin
state-refused = Niet aanvaard
state-deferred = Beslissing uitgesteld
state-pre_departure = Uw reis wordt voorbereid
state-departure_scheduled = Vertrekdatum vastgelegd
state-arrived = Aangekomen
state-in_reception = In een opvangcentrum
state-housed = In uw eigen woning
state-integration_support = Begeleiding bij de integratie
state-closed = Dossier afgesloten
state-withdrawn = Dossier ingetrokken
state-deceased = Dossier afgesloten na het overlijden van de hoofdaanvrager

## Wat na elke stap komt

next-submitted = Het programma beslist hoe uw dossier wordt bestudeerd: een interview met een selectiemissie, of een studie van uw dossier.
next-scheduled_for_mission = Uw interview met de selectiemissie.
next-dossier_review = De beslissing over uw dossier.
next-interviewed = De beslissing over uw dossier.
next-deferred = Uw dossier wordt opnieuw bestudeerd: een interview of een studie van uw dossier.
next-accepted = De voorbereiding van uw reis: reisdocumenten, een medisch onderzoek en oriëntatiesessies.
next-accepted_in_part = De voorbereiding van uw reis: reisdocumenten, een medisch onderzoek en oriëntatiesessies.
next-pre_departure = Een vertrekdatum.
next-departure_scheduled = Uw reis en aankomst.
next-arrived = Uw eerste verblijfplaats: een opvangcentrum of uw woning.
next-in_reception = Uw eigen woning.
next-housed = Begeleiding bij de integratie.
next-integration_support = Het einde van uw begeleiding.

## De brief met de toegangscode

letter-title = Zo volgt u uw dossier
letter-greeting = Beste familie,
letter-body = U kunt uw hervestigingsdossier op het internet volgen, in uw taal. De pagina toont waar uw dossier staat, elke stap tot nu toe met de datum, de data die u kreeg en een schatting voor de volgende stap. Open het adres hieronder en vul uw dossiernummer en toegangscode in.
letter-address = Adres
letter-keep = Houd deze code voor uzelf: wie ze heeft, kan zien waar uw dossier staat. Bent u ze kwijt, of denkt u dat iemand anders ze kent, vraag dan een nieuwe; de oude werkt dan niet meer.
letter-issued = Uitgereikt op { $date }.

## Welzijnsgesprek (issue 25)
family-checkin-title = Hoe gaat het met u?
family-checkin-lead = { $months } maanden na uw aankomst vragen we hoe het met uw gezin gaat. Uw antwoorden helpen wie u begeleidt en tonen het programma, samen met die van andere gezinnen geteld en nooit met naam, wat beter kan.
family-checkin-housing = Uw woning
family-checkin-own-home = We wonen in een eigen woning
family-checkin-own-kitchen = We hebben een eigen keuken
family-checkin-own-shower = We hebben een eigen douche
family-checkin-rooms = Aantal kamers (zonder keuken en badkamer)
family-checkin-language = Een volwassene in ons gezin volgt een taalcursus
family-checkin-school = School
family-checkin-child-in-school = Kind nummer { $member } ({ $age } jaar) gaat naar school
family-checkin-work = Werk
family-checkin-adult-works = Volwassene nummer { $member } ({ $age } jaar) heeft werk of volgt een opleiding
family-checkin-adult-match = Het werk van volwassene nummer { $member } past bij de opleiding en ervaring
family-checkin-health = Gezondheidszorg (alleen de medewerkers die het nodig hebben, kunnen deze antwoorden lezen)
family-checkin-doctor = We zijn ingeschreven bij een huisarts
family-checkin-care = We krijgen zorg wanneer we die nodig hebben
family-checkin-health-skip = Ik beantwoord de vragen over gezondheid liever niet
family-checkin-relatives = Gezinsleden die nog in het buitenland wachten om naar u toe te komen
family-checkin-feeling = Hoe vindt u dat het gaat?
family-checkin-feeling-1 = heel slecht
family-checkin-feeling-2 = slecht
family-checkin-feeling-3 = gaat wel
family-checkin-feeling-4 = goed
family-checkin-feeling-5 = heel goed
family-checkin-consent = We gaan ermee akkoord dat onze antwoorden bewaard en gelezen worden door wie ons begeleidt
family-checkin-send = Onze antwoorden versturen
family-checkin-thanks = Dank u. Uw antwoorden zijn opgeslagen.
family-checkin-refused = Uw antwoorden konden niet worden opgeslagen. Kijk ze na en probeer opnieuw.
family-checkin-refused-rooms = Uw antwoorden konden niet worden opgeslagen: geef het aantal kamers van uw woning, minstens 1.
family-checkin-refused-relatives = Uw antwoorden konden niet worden opgeslagen: het aantal gezinsleden dat nog in het buitenland is, is te hoog. Kijk het na.
family-checkin-refused-feeling = Uw antwoorden konden niet worden opgeslagen: kies hoe u vindt dat het gaat.
family-checkin-no-consent = Uw antwoorden worden alleen met uw toestemming bewaard: vink het vakje onderaan het formulier aan.
