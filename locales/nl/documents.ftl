# Documenten die een gezin leest: de inzage-export (AVG art. 15). Nederlands.

doc-page = Pagina
doc-page-of = van
doc-none = Niets geregistreerd.
doc-since = Bewaard sinds { $date }.
doc-yes = ja
doc-no = nee

sar-title = Uw persoonsgegevens bij het hervestigingsprogramma
sar-subtitle = Dossier { $case }
sar-intro = Dit document somt alles op wat { $programme } over uw gezin bewaart: welke gegevens, waarom, sinds wanneer, en wie ze heeft ingezien. U hebt recht op dit overzicht volgens artikel 15 van de Algemene Verordening Gegevensbescherming (AVG).

sar-about-heading = Over dit document
sar-field-case = Dossiernummer
sar-field-programme = Programma
sar-field-made-on = Opgesteld op
sar-field-made-by = Opgesteld door

sar-why-heading = Waarom wij uw gegevens bewaren
sar-why-purpose = Wij bewaren uw gegevens om over uw hervestiging te beslissen, uw reis voor te bereiden, u op te vangen en uw gezin te begeleiden tot { $months } maanden na uw aankomst.
sar-why-basis = Dit is een taak van algemeen belang (AVG artikel 6, lid 1, e). Gezondheidsgegevens verwerken wij alleen om uw zorg en een veilige reis te regelen (artikel 9, lid 2, h).
sar-why-recipients = UNHCR, de medewerkers van het programma, de medisch officier (alleen gezondheidsgegevens), en het opvangcentrum, de gemeente en de sponsorgroep die u begeleiden, zien elk het deel van uw gegevens dat hun werk vraagt.
sar-why-retention = Wij bewaren uw gegevens tot { $years } jaar nadat uw dossier is afgesloten. Daarna worden namen, geboortedata, gezondheidsgegevens en vrije tekst verwijderd.
sar-why-rights = U kunt vragen om onjuiste gegevens te verbeteren, en u kunt klacht indienen bij de gegevensbeschermingsautoriteit. Vraag het aan uw dossierbeheerder.

sar-case-heading = Uw dossier
sar-field-state = Waar uw dossier staat
sar-field-stage = Fase
sar-field-submitted = Door UNHCR voorgedragen op
sar-field-asylum = Land van eerste opvang
sar-field-nationality = Nationaliteit
sar-field-categories = Categorieën van voordracht
sar-field-priority = Prioriteit
sar-field-channel = Hoe uw dossier werd voorgedragen
sar-field-mission = Selectiemissie
sar-field-arrived = Aangekomen op
sar-field-reception = Opvangplaats
sar-field-sponsor = Sponsorgroep
sar-field-address = Woonadres
sar-field-support = Integratiebegeleiding
sar-field-linked = Verwante dossiers
sar-support = { $provider }, { $months } maanden vanaf { $date }

sar-family-heading = Uw gezin
sar-col-no = Nr.
sar-col-name = Naam
sar-col-born = Geboortedatum
sar-col-sex = Geslacht
sar-col-relationship = Verwantschap
sar-col-languages = Talen
sar-col-education = Opleiding
sar-col-occupation = Beroep

sar-promises-heading = Data die wij u gaven
sar-col-kind = Voor
sar-col-date = Datum
sar-col-given = Gegeven op
sar-col-told = U werd ingelicht op
sar-col-change = Waarom de vorige datum veranderde

sar-reunification-heading = Achtergebleven familieleden
sar-col-relative = Familielid
sar-col-where = Waar
sar-col-status = Stand
sar-col-requested = Aangevraagd op
sar-col-decided = Beslist op

sar-health-heading = Uw gezondheid
sar-health-note = Alleen de medisch officier leest dit deel. Anderen zien alleen de zorgbehoeften die u toestond te delen.
sar-col-member = Gezinslid
sar-col-condition = Aandoening
sar-col-needs = Zorgbehoeften
sar-col-consent = Zorgbehoeften mogen gedeeld worden
sar-col-fit = Reisgeschikt
sar-fit-yes = geschikt om te reizen
sar-fit-no = niet geschikt om te reizen
sar-fit-unknown = nog niet beoordeeld

sar-steps-heading = De stappen van uw dossier
sar-col-when = Datum
sar-col-step = Stap
sar-col-by = Door
sar-col-why = Opgegeven reden

sar-outcomes-heading = Opvolging na aankomst
sar-col-months = Maanden na aankomst
sar-col-work = Had werk

sar-seen-heading = Wie uw gegevens heeft ingezien of gewijzigd
sar-seen-lead = Telkens wanneer iemand uw dossier opende, wijzigde of exporteerde, legde het programma dat vast, het recentste eerst.
sar-col-who = Wie
sar-col-what = Wat
sar-action-read = ingezien
sar-action-write = gewijzigd
sar-action-export = geëxporteerd
sar-action-refused = toegang geweigerd

reunification-requested = wacht op een beslissing
reunification-approved = goedgekeurd
reunification-refused = geweigerd
reunification-reunited = herenigd
