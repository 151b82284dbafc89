# Pages du personnel de resettle, en français. Chaque message existe aussi en en et nl
# (un test compare les trois fichiers). Les codes du domaine sont nommés par <sorte>-<code>.

## Cadre de page

nav-skip = Aller au contenu
nav-main = Menu principal
nav-language = Langue
nav-programme = Programme
nav-fair-share = Juste part
nav-cases = Dossiers
nav-placement = Placement
nav-audit = Journal d'audit
sign-in = Se connecter
sign-out = Se déconnecter
footer = resettle · logiciel libre pour les programmes de réinstallation de réfugiés
filter = Filtrer
yes = oui
no = non
date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }

## Page d'erreur

error-title = { $status ->
        [401] Non connecté
        [403] Non autorisé
        [404] Introuvable
        [409] Modifié entre-temps
        [422] Impossible à effectuer
        [503] Trop occupé pour l'instant
       *[other] Une erreur s'est produite
    }
error-next = Revenez en arrière, ou recommencez depuis
error-home = la page du programme
error-busy = Le serveur traite autant de demandes qu'il le peut. Rien n'a été modifié : réessayez dans un instant.

## Connexion

login-username = Nom d'utilisateur
login-password = Mot de passe
login-accounts = Les comptes sont créés par un administrateur
login-demo = La démo a un utilisateur par rôle ; voir le README.
code-title = Second facteur
code-lead = Connecté en tant que { $username } avec un mot de passe. Votre rôle exige un code à usage unique de votre application d'authentification.
code-label = Code à six chiffres
code-continue = Continuer

## Liste des dossiers

cases-title = Dossiers
cases-no-access = Vos rôles ({ $roles }) ne donnent pas accès au contenu des dossiers.
cases-see-audit = Voir le journal d'audit.
cases-see-programme = Chiffres du programme
cases-see-fair-share = Plan de juste part
cases-filter-q = Nom ou numéro
cases-filter-state = État
cases-filter-any = tout état
cases-count = { $total ->
        [one] { $total } dossier que vous pouvez voir
       *[other] { $total } dossiers que vous pouvez voir
    } ; page { $page }.
cases-count-scoped = { $total ->
        [one] { $total } dossier que vous pouvez voir
       *[other] { $total } dossiers que vous pouvez voir
    } (périmètre : { $scope }) ; page { $page }.
cases-count-more = Plus de { $total } dossiers que vous pouvez voir ; page { $page }.
cases-count-more-scoped = Plus de { $total } dossiers que vous pouvez voir (périmètre : { $scope }) ; page { $page }.
cases-col-case = Dossier
cases-col-state = État
cases-col-priority = Priorité
cases-col-nationality = Nationalité
cases-col-persons = Personnes
cases-col-days = Jours dans l'état
cases-filter-priority = Priorité
cases-filter-any-priority = toute priorité
cases-filter-category = Catégorie
cases-filter-any-category = toute catégorie
cases-filter-overdue = en retard seulement, le plus en retard d'abord
cases-col-overdue = Jours de retard
cases-pages = Pages de la liste
cases-previous = ← page précédente
cases-next = page suivante →
cases-page-of = page { $page } sur { $pages }
cases-first = ← première page
cases-page = page { $page }

## Un dossier

case-title = Dossier { $number }
case-lead = Ce que votre rôle peut voir de ce dossier ; les autres champs ne sont pas affichés. Chaque consultation est enregistrée dans le journal d'audit.
case-family = Famille
case-care-needs = Besoins de soins
case-member = membre { $number }
case-medical = Dossier médical
case-promises = Dates promises à la famille
case-slipped = reportée : { $reason } — { $words }
promised-title = Enregistrer une date promise
promised-kind = Date pour
promised-date = Date promise
promised-reason-code = Si elle remplace une date : pourquoi celle-ci a changé
promised-reason = En mots
promised-notified-on = Famille informée le
promised-record = Enregistrer la date
promised-done = La date ({ $kind }) a été enregistrée.
promised-refused = Non enregistrée, rien n’a été enregistré :
case-outcomes = Suivi de l’intégration
case-outcome = membre { $number } à { $months } mois (enregistré le { $date }) : { $employed ->
    [yes] en emploi
   *[no] sans emploi
}
case-overdue = En retard
case-overdue-by = échéance { $due }, { $days ->
        [one] { $days } jour de retard
       *[other] { $days } jours de retard
    }
case-placement = Proposition de placement
case-placement-proposed = Proposé : { $place } (score { $score }, rang { $rank }). Statut : { placement-status }.
case-placement-review = Examiner sur la page de placement
case-export = Export pour le droit d'accès
case-export-lead = Tout ce qui est conservé sur cette famille :
case-export-audited = L'export est enregistré dans le journal d'audit.
case-export-family-language = dans la langue de la famille
case-export-pdf-in = Le PDF dans une autre langue :
medical-member = Membre
medical-condition = Affection
medical-care-needs = Besoins de soins
medical-consent = Consentement au partage
medical-fit-to-travel = Apte au voyage
medical-fit-unknown = pas encore évalué
medical-fit-yes = apte au voyage
medical-fit-no = inapte au voyage
medical-none = rien d'enregistré
medical-edit = Modifier
medical-edit-for = Modifier le dossier médical de { $name }
medical-add = Enregistrer
medical-add-for = Enregistrer le dossier médical de { $name }
medical-saved = Dossier médical de { $name } enregistré.
medical-title = Dossier médical de { $name } ({ $number })
medical-back = Retour au dossier { $number }
medical-lead = Seuls les médecins-conseils lisent l'affection ; les agents traitants, les agents d'accueil et la commune voient les besoins de soins. Chaque consultation et chaque enregistrement sont inscrits au journal d'audit.
medical-condition-hint = En mots, { $max } caractères au plus.
medical-care-needs-hint = Ce dont l'accueil a besoin pour choisir un lieu adapté, sans le diagnostic.
medical-consent-given = La famille consent à partager l'affection avec la commune d'accueil
medical-audited = Enregistrer remplace le dossier de ce membre ; l'enregistrement est inscrit au journal d'audit.
medical-save = Enregistrer le dossier médical
medical-refused = Non enregistré, rien n'a changé :
step-title = Étape suivante
step-to = Passer à
step-reason = Motif, en mots
step-reason-code = Motif de la liste
reason-none = (aucun)
reasons-slip = Pourquoi la date a changé
reasons-deferral = Pourquoi la décision est ajournée
reasons-withdrawal = Pourquoi le dossier est retiré
reasons-breakdown = Pourquoi le parrainage a échoué
step-data = Données de l'étape (ce que l'étape choisie demande)
step-grounds = Motifs de refus
step-members = Membres (acceptés ; à l'arrivée, ceux qui ont voyagé)
step-mission = Mission de sélection
step-reception-place = Lieu d'accueil
step-sponsor-group = Groupe de parrainage
step-municipality = Commune du nouveau logement
step-address = Adresse du logement
step-provider = Organisme d'accompagnement
step-departure-date = Date de départ
step-family-notified-on = Famille informée le
step-arrived-on = Arrivée le
step-checks = Contrôles effectués
step-take = Franchir l'étape
step-done = Étape franchie : le dossier est maintenant { $state }.
step-refused = Pas fait, rien n'a changé :

## Page du programme

dashboard-empty-title = Pas encore de programme
dashboard-empty-lead = Cette base de données ne contient aucun programme. Chargez les dossiers de démonstration, ou démarrez le serveur avec la démo :
dashboard-policy-profile = Profil de politique
dashboard-cases = dossiers
dashboard-persons = personnes
dashboard-pledges-title = Engagements et arrivées
dashboard-key-pledged = promis
dashboard-key-arrived = arrivés
dashboard-key-gap = le chiffre au-dessus d'une paire est le nombre de personnes promises qui ne sont pas arrivées.
dashboard-partial-note = Une année marquée « à ce jour » n'est pas encore terminée : ses arrivées sont celles jusqu'à aujourd'hui, et son écart n'est pas définitif.
dashboard-year-partial = à ce jour
dashboard-year-ahead = à venir
dashboard-ahead-note = Une année marquée « à venir » n'a pas encore commencé : son engagement est pris à l'avance.
dashboard-col-year = Année
dashboard-col-pledged = Promis
dashboard-col-arrived = Arrivés
dashboard-col-gap = Écart
dashboard-col-source = Source
dashboard-states-title = Dossiers par état
dashboard-col-stage = Phase
dashboard-col-state = État
dashboard-col-cases = Dossiers
dashboard-col-persons = Personnes
dashboard-small-cells = Cette page est publiée sans connexion : les effectifs de 1 à { $below } sont affichés comme { $shown }, et là où un total révélerait un tel effectif, le plus petit effectif suivant est aussi masqué.
dashboard-cohorts-title = Ce que le programme apprend après l’arrivée
dashboard-cohorts-lead = D’après les entretiens de bien-être avec les familles, par année d’arrivée : combien de celles qui ont répondu ont dit oui. Une part dont le nombre de oui ou de non est petit n’est pas publiée.
dashboard-cohorts-none = Un tiret signifie qu’aucune famille de cette année n’a encore répondu.
dashboard-cohort-year = Arrivées en
dashboard-cohort-housing = Logement propre au 6e mois
dashboard-cohort-language = Suit un cours de langue
dashboard-cohort-school = Enfants scolarisés
dashboard-cohort-employed-12 = Au travail après 12 mois
dashboard-cohort-match-12 = Travail conforme aux qualifications après 12 mois
dashboard-cohort-employed-18 = Au travail après 18 mois
dashboard-cohort-match-18 = Travail conforme aux qualifications après 18 mois
dashboard-cohort-reunification = Attend encore un proche
dashboard-cohort-share = { $yes } sur { $of }

## Journal d'audit

audit-chain = Chaîne de hachage :
audit-chain-intact = intacte : { $entries } entrées vérifiées
audit-chain-broken = ROMPUE à l'entrée { $seq } : { $reason }
audit-chain-full = Chaîne entière vérifiée pour la dernière fois le { $at } ; cette vue a vérifié les entrées écrites depuis et la dernière ancre (`resettle audit verify` vérifie tout de nouveau).
audit-actor = Acteur
audit-action = Action
audit-entity = Objet
audit-any-action = toute action
audit-any-entity = tout
audit-id = Id
audit-from = Du
audit-to = Au
audit-csv = Exporter ces entrées en CSV
export-cases = Exporter chaque dossier que retiennent les filtres (toutes les pages, pas seulement celle-ci), avec les champs que vous voyez :
export-events = Exporter cet historique :
export-csv = CSV
export-xlsx = tableur (XLSX)
audit-xlsx = Exporter les dernières entrées en tableur (XLSX)
audit-pages = Pages du journal
audit-older = entrées plus anciennes →
audit-newest = ← entrées les plus récentes
audit-col-when = Quand
audit-col-who = Qui
audit-col-source = Depuis
audit-col-action = Action
audit-col-what = Quoi
audit-col-fields = Champs particuliers
audit-col-outcome = Résultat
# The outcome of an audited act, as the audit page shows it.
outcome-ok = fait
outcome-refused = refusé
outcome-failed = échoué
audit-col-detail = Détail

## Placement

placement-lead = Familles en attente de leur prochain séjour (acceptées et en route, ou dans un centre d'accueil), associées par l'optimiseur aux lieux qui suivent dans le modèle d'accueil du programme (initiatives locales d'accueil en Belgique, communes aux Pays-Bas) disposant de places libres. Chaque proposition dit pourquoi ; confirmez-la, confirmez un autre lieu (l'explication montre ce que cela coûte), ou rejetez-la. Une famille dans un centre que vous confirmez y déménage aujourd'hui.
placement-propose = Proposer des places pour les familles en attente
placement-run = Dernier calcul : { $status }, { $families } familles sur { $places } places ; score total { $objective }, borne { $bound }, écart { $gap } %, { $seconds } s.
placement-scores = Scores : { $model }.
placement-distribution = Plan de répartition : { $plan }.
placement-no-distribution = Pas de plan de répartition dans le profil de politique.
placement-unassigned = Non placées : { $count ->
        [one] { $count } famille
       *[other] { $count } familles
    }
placement-more = et { $count } de plus
placement-none = Pas encore de propositions.
placement-col-place = Lieu
placement-col-score = Score
placement-col-rank = Rang
placement-col-why = Pourquoi
placement-col-status = Statut
placement-col-decide = Décider
placement-rank = { $rank } sur { $of }
placement-instead = plutôt { $place } :
placement-impossible = impossible sans déplacer d'autres familles
placement-no-loss = aucune perte pour le plan
placement-costs = coûte { $cost } au plan
placement-status = { $status ->
        [proposed] proposé
        [confirmed] confirmé
        [rejected] rejeté
        [lapsed] caduque : le dossier a changé depuis ; proposez à nouveau
       *[other] { $status }
    }
placement-decided = { placement-status } par { $by }
placement-confirm = Confirmer
placement-reject = Rejeter
decision-confirm = confirmer
decision-reject = rejeter
action-read = lu
action-write = écrit
action-export = exporté
action-report = rapporté
action-login = connexion
action-logout = déconnexion
action-refused = refusé
action-throttled = ralenti
action-notify = notifié
action-backup = sauvegardé
action-restore = restauré
action-verify = vérifié
entity-case = dossier
entity-case_list = liste des dossiers
entity-case_events = historique des dossiers
entity-medical_record = dossier médical
entity-stay = séjour
entity-support = accompagnement à l’intégration
entity-placement = placement
entity-reception = places d’accueil
entity-families = familles
entity-families_to_inform = familles à informer
entity-family_code = code de connexion de la famille
entity-family_contact = contact de la famille
entity-import_cases = import de dossiers
entity-user = utilisateur
entity-api_token = jeton d’API
entity-organisation = organisation
entity-data_key = clé des données
entity-audit_log = journal d’audit
entity-database = base de données
entity-retention = conservation
entity-programme = programme
entity-programme_hold = suspension du programme
entity-policy_profile = profil de politique
entity-mission = mission
entity-missions = liste des missions
entity-sponsor_group = groupe de parrainage
entity-pledge = engagement
entity-quota = quota
entity-quota_decision = décision de quota
entity-scenario = scénario de répartition équitable
entity-forecast = prévision
entity-annual_report = rapport annuel
entity-funding_claim = demande de financement
entity-funding_claims = demandes de financement
entity-client = adresse du client
placement-over-capacity = au-delà de la capacité : { $reason }
placement-over-capacity-reason = Au-delà de la capacité, parce que
placement-refused = Non confirmé :

## Plan de juste part et scénarios

plan-title = Plan de juste part
plan-lead = Combien de personnes cet État devrait-il réinstaller au cours du prochain plan, et comment ce nombre devrait-il croître d'année en année ? Modifiez une donnée : le plan, son graphique et la part de chaque État suivent aussitôt. Le formulaire s'ouvre sur les données du rapport des ONG belges (2021), section 3.3. Méthodes et sources :
plan-need-legend = 1. Besoins mondiaux (HCR)
plan-need-year = Projection du HCR pour l'année
plan-rounded = arrondi
plan-need-given = ou un chiffre
plan-growth-given = croissance par année suivante
plan-growth-average = ou la moyenne des
plan-growth-average-years = dernières années de projections
plan-plan-legend = 2. Plan
plan-start-year = première année
plan-rounding = Arrondi
plan-rounding-floor = vers le bas
plan-rounding-nearest = au plus proche
plan-share-legend = 3. La part de l'État
plan-share-given = part
plan-share-key = ou selon la clé
plan-key = { $key ->
        [ec2015] clé de la Commission européenne 2015
        [ec2015-capped] clé de la Commission européenne 2015, plafonnée
        [dublin2016] clé de la réforme de Dublin 2016
        [population] population
        [gdp] produit intérieur brut
       *[other] { $key }
    }
plan-path-legend = 4. Trajectoire de croissance
plan-path-given = premières années
plan-path-given-rest = (la dernière année prend le reste)
plan-path-even = régulière
plan-path-linear = rampe linéaire
plan-compute = Calculer
plan-compute-live = (le plan suit aussi chaque modification pendant la saisie)
plan-save-as = Enregistrer comme scénario
plan-save-name = nom
plan-save = Enregistrer
plan-sign-in-to-save = connectez-vous comme planificateur pour enregistrer ce plan comme scénario.
plan-compare = { $count ->
        [one] Voir le scénario enregistré
       *[other] Comparer côte à côte les { $count } scénarios enregistrés
    }
plan-heading = Le plan
plan-global-need = Besoins mondiaux
plan-regional-target = Objectif régional
plan-state-total = { $state } sur la durée du plan
plan-provenance = D'où viennent les données
plan-distribution-heading = L'objectif régional réparti entre tous les États ({ plan-key })
plan-distribution-lead = { $total } personnes selon la méthode du plus fort reste sur { $indicators }.
plan-distribution-given-share = { $state } prend les { $persons } du plan, à la part donnée ; les autres États se partagent le reste au prorata de la clé.
plan-exact-quota = Quota exact
scenarios-title = Scénarios enregistrés
scenarios-none = Aucun scénario enregistré. Donnez un nom à un plan et enregistrez-le sur la page
scenarios-state = État
scenarios-first-year-need = Besoins la première année
scenarios-yearly-growth = Croissance annuelle
scenarios-years = Années
scenarios-regional-share = Part régionale
scenarios-state-share = Part de l'État
scenarios-state-total = Total pour l'État
scenarios-path = Trajectoire
scenarios-saved = Enregistré
scenarios-delete = Supprimer
scenarios-delete-named = Supprimer « { $name } »

## États d'un dossier

state-submitted = soumis
state-scheduled_for_mission = prévu pour une mission de sélection
state-dossier_review = examen sur dossier
state-interviewed = entendu
state-accepted = accepté
state-accepted_in_part = accepté en partie
state-refused = refusé
state-deferred = reporté
state-pre_departure = préparation du départ
state-departure_scheduled = départ programmé
state-arrived = arrivé
state-in_reception = en accueil
state-housed = logé
state-integration_support = accompagnement à l'intégration
state-closed = clôturé
state-withdrawn = retiré
state-deceased = décédé

## Phases

stage-assessment = évaluation
stage-pre_departure = avant le départ
stage-travel = voyage
stage-reception = accueil
stage-integration = intégration
stage-ended = terminé

## Catégories de soumission du HCR

category-legal_physical_protection = besoins de protection juridique et/ou physique
category-survivor_of_violence_torture = survivant de violences et/ou de torture
category-medical_needs = besoins médicaux
category-women_and_girls_at_risk = femmes et filles à risque
category-family_reunification = regroupement familial
category-children_at_risk = enfants et adolescents à risque
category-no_alternative_durable_solution = absence de solution durable alternative prévisible

## Priorités, canaux, promesses

priority-emergency = extrême urgence
priority-urgent = urgent
priority-normal = normal
channel-mission = mission de sélection
channel-dossier = examen sur dossier
channel-emergency = places d'urgence
promise-interview = entretien
promise-departure = départ

## Famille

relationship-principal_applicant = demandeur principal
relationship-spouse = conjoint
relationship-child = enfant
relationship-parent = parent
relationship-sibling = frère ou sœur
relationship-grandchild = petit-enfant
relationship-other_dependant = autre personne à charge
sex-female = femme
sex-male = homme
sex-other = autre
care_need-wheelchair_access = accès en fauteuil roulant
care_need-specialised_hospital_care = soins hospitaliers spécialisés
care_need-mental_health_support = soutien en santé mentale
care_need-regular_treatment = traitement régulier

## Rôles

role-admin = administrateur
role-planner = planificateur
role-unhcr-liaison = agent de liaison du HCR
role-case-officer = agent traitant
role-medical-officer = médecin-conseil
role-reception-officer = agent d'accueil
role-municipality = commune
role-sponsor = parrain
role-support-provider = organisme d’accompagnement
role-auditor = auditeur

## Champs d'un dossier

field-case_number = numéro de dossier
field-programme = programme
field-state = état
field-stage = phase
field-version = version
field-policy_profile = profil de politique
field-country_of_asylum = pays de premier asile
field-nationality = nationalité
field-categories = catégories
field-priority = priorité
field-channel = canal
field-submitted_on = soumis le
field-members = famille
field-members-member_no = n°
field-members-full_name = nom complet
field-members-date_of_birth = date de naissance
field-members-age = âge
field-members-sex = sexe
field-members-relationship = lien de parenté
field-members-languages = langues
field-members-education = formation
field-members-occupation = profession
field-care_needs = besoins de soins
field-linked_cases = dossiers liés
field-mission = mission de sélection
field-arrived_on = arrivée le
field-reception_place = lieu d'accueil
field-stays = séjours
field-sponsor_group = groupe de parrainage
field-address = adresse du logement
field-support = accompagnement à l'intégration
field-promises = dates promises
field-slipped_promises = dates promises non tenues
field-held_promises = dates promises rompues par une suspension du programme
field-reunification = regroupement familial
field-pre_departure = contrôles avant le départ
field-after_arrival = étapes après l’arrivée
field-waiting = durée dans chaque état
field-overdue = en retard
field-outcomes = suivi de l’intégration
field-allowed_transitions = peut passer à
field-warnings = avertissements

## Langues parlées

language-ar = arabe
language-bfa = bari
language-din = dinka
language-nus = nuer
language-en = anglais
language-fa = persan
language-fr = français
language-ku = kurde
language-ln = lingala
language-ps = pachto
language-rn = kirundi
language-rw = kinyarwanda
language-sw = swahili
language-ti = tigrigna
language-tr = turc
language-ur = ourdou

## Pays

country-AF = Afghanistan
country-BI = Burundi
country-CD = RD Congo
country-EG = Égypte
country-ER = Érythrée
country-ET = Éthiopie
country-IQ = Irak
country-IR = Iran
country-JO = Jordanie
country-LB = Liban
country-LY = Libye
country-NE = Niger
country-PK = Pakistan
country-RW = Rwanda
country-SD = Soudan
country-SO = Somalie
country-SS = Soudan du Sud
country-SY = Syrie
country-TR = Turquie
country-TZ = Tanzanie
country-UG = Ouganda
country-YE = Yémen
country-AT = Autriche
country-BE = Belgique
country-BG = Bulgarie
country-CH = Suisse
country-CY = Chypre
country-CZ = Tchéquie
country-DE = Allemagne
country-DK = Danemark
country-EE = Estonie
country-ES = Espagne
country-FI = Finlande
country-FR = France
country-GB = Royaume-Uni
country-GR = Grèce
country-HR = Croatie
country-HU = Hongrie
country-IE = Irlande
country-IS = Islande
country-IT = Italie
country-LI = Liechtenstein
country-LT = Lituanie
country-LU = Luxembourg
country-LV = Lettonie
country-MT = Malte
country-NL = Pays-Bas
country-NO = Norvège
country-PL = Pologne
country-PT = Portugal
country-RO = Roumanie
country-SE = Suède
country-SI = Slovénie
country-SK = Slovaquie
country-UK = Royaume-Uni

## Administration

nav-admin = Administration
admin-title = Administration
admin-users = Utilisateurs
admin-organisations = Organisations
admin-policy = Politique en vigueur
admin-users-lead = Ouvrez un utilisateur pour le désactiver ou le réactiver, changer ses rôles, réinitialiser son mot de passe ou son second facteur, ou révoquer ses jetons d’API.
admin-account = Compte
admin-enabled = actif
admin-disabled = désactivé
admin-no-organisation = aucune organisation
admin-add-user = Ajouter l’utilisateur
admin-password-again = Mot de passe, à nouveau
admin-new-password = Nouveau mot de passe
admin-password-rule = Au moins 12 caractères ; pas un mot de passe courant. Une phrase de plusieurs mots est le mieux.
admin-cut-off = Toutes les sessions et tous les jetons d’API de l’utilisateur prennent fin aussitôt.
admin-disable = Désactiver
admin-disable-lead = L’utilisateur ne peut plus se connecter ; toutes ses sessions et tous ses jetons d’API prennent fin aussitôt.
admin-enable = Réactiver
admin-enable-lead = L’utilisateur peut de nouveau se connecter. Les sessions et jetons d’avant restent terminés.
admin-change-roles = Changer les rôles
admin-change-roles-lead = Au moins un rôle. Toutes les sessions et tous les jetons d’API de l’utilisateur prennent fin, car ils portent les anciens rôles.
admin-reset-password = Réinitialiser le mot de passe
admin-reset-second-factor = Réinitialiser le second facteur
admin-reset-second-factor-lead = Un nouveau secret remplace l’ancien ; l’application d’authentification de l’utilisateur cesse de fonctionner. Le secret n’est affiché qu’une fois.
admin-revoke-tokens = Révoquer les jetons d’API
admin-revoke-tokens-lead = Aucun jeton d’API de l’utilisateur ne fonctionne plus ; ses sessions restent.
admin-second-factor-title = Nouveau second facteur pour { $user }
admin-second-factor-done = Le second facteur de { $user } a été remplacé.
admin-second-factor-secret = Secret (base32)
admin-second-factor-uri = Lien d’authentification
admin-second-factor-once = Ce secret n’est affiché que maintenant et ne pourra plus l’être. Remettez-le à { $user } en personne ou par un canal que seule cette personne peut lire, jamais par simple courriel ; n’en gardez pas de copie.
admin-back = Retour aux utilisateurs
admin-add-organisation = Ajouter l’organisation
admin-error = Non effectué.
admin-error-field = Non effectué. { $field } :
admin-passwords-differ = Les deux mots de passe diffèrent ; tapez deux fois le même mot de passe.
admin-field-username = Nom d’utilisateur
admin-field-password = Mot de passe
admin-field-roles = Rôles
admin-field-organisation = Organisation
admin-field-kind = Type
admin-done-user-added = Utilisateur { $user } ajouté.
admin-done-user-disabled = Utilisateur { $user } désactivé ; ses sessions et jetons ont pris fin.
admin-done-user-enabled = Utilisateur { $user } réactivé ; il peut de nouveau se connecter.
admin-done-roles-changed = Rôles de { $user } changés ; ses sessions et jetons ont pris fin.
admin-done-password-reset = Mot de passe de { $user } réinitialisé ; ses sessions et jetons ont pris fin.
admin-done-tokens-revoked = { $n ->
        [0] { $user } n’avait aucun jeton d’API à révoquer.
        [one] Un jeton d’API de { $user } révoqué.
       *[other] { $n } jetons d’API de { $user } révoqués.
    }
admin-done-organisation-added = Organisation { $name } ajoutée.
admin-policy-lead = Le profil de politique sous lequel chaque programme fonctionne, tel que les règles l’appliquent. Les profils sont des fichiers ; modifiez-les avec resettle policy en ligne de commande.
kind-agency = administration publique
kind-unhcr = bureau du HCR
kind-municipality = commune
kind-loi = initiative locale d’accueil
kind-sponsor = groupe de parrainage
kind-ngo = ONG
policy-profile = Profil
policy-version = version
policy-country = État de réinstallation
policy-authority = Autorité de décision
policy-steps-off = Étapes désactivées
policy-none = aucune
policy-reception-model = Modèle d’accueil
policy-reception-phases = Accueil
policy-typical-days = en général { $days } jours
policy-max-days = au plus { $days } jours
policy-sponsorship-skips-centre = Les familles parrainées ne passent pas par le centre
policy-support-months = Accompagnement à l’intégration
policy-months = { $months } mois
policy-allowance = Allocation
policy-per-adult-minor = { $adult } € par adulte, { $minor } € par mineur
policy-eu-funding = Financement de l’UE par personne
policy-retention = Dossiers conservés
policy-years = { $years } ans
policy-small-cells = Effectifs publiés seulement à partir de
policy-checks = Évaluation
policy-check = Contrôle
policy-refusal-ground = Motif de refus
policy-basis = Fondement
policy-pre-departure = Avant le départ
policy-required = Obligatoire
policy-by = Par
policy-post-arrival = Après l’arrivée
policy-reunification = Une demande de regroupement familial est tranchée dans un délai de { $days } jours.
policy-reunification-none = Le profil ne fixe aucun délai pour les demandes de regroupement familial.
policy-time-limits = Délais
policy-reasons = Motifs parmi lesquels le personnel choisit
policy-reason-list = Liste
policy-reason-labels = Motifs
policy-from = De
policy-to = À
policy-priority = Priorité
policy-within = Dans un délai de
policy-days = { $days } jours
policy-no-programmes = Aucun programme n’a encore été créé.
reception-centre_then_local = centre d’accueil, puis accueil local, puis logement propre
reception-direct_municipality = directement dans une commune, avec un logement prêt
place-centre = centre d’accueil
place-loi = initiative locale d’accueil
place-municipality = commune
policy-euros = { $amount } €

## L'historique d'un dossier

timeline-title = Historique
timeline-opened = ouvert : { $to }
timeline-moved = de { $from } à { $to }
timeline-by = par { $actor }
timeline-why = Pourquoi :
timeline-member = membre { $number }
step_data-checks = contrôles faits
step_data-departure_date = date de départ
step_data-promised_date = nouvelle date promise
step_data-grounds = motifs
step_data-members_accepted = membres acceptés
step_data-members_not_accepted = membres non acceptés
step_data-mission_cancelled = mission annulée
step_data-reception_place = lieu d'accueil
step_data-place = lieu d'accueil
step_data-from_place = depuis
step_data-municipality = commune
step_data-sponsor_group = groupe de parrainage
step_data-address = adresse du logement

## La journée de l'agent d'accueil

nav-reception = Accueil
reception-summary = { $families ->
        [one] Une famille
       *[other] { $families } familles
    } ({ $persons } personnes) avec une date de départ ; { $free } places libres dans le réseau d'accueil maintenant.
reception-arrivals = Arrivées attendues, les plus proches d'abord
reception-no-arrivals = Aucune famille n'a de date de départ.
reception-col-date = Arrive le
reception-no-date = date non enregistrée
reception-places = Lieux d'accueil maintenant, les plus pleins d'abord
reception-col-place = Lieu
reception-col-kind = Type
reception-col-municipality = Commune
reception-col-occupied = Personnes maintenant
reception-col-capacity = Capacité
reception-over = au-delà de la capacité

## La journée de l'officier de liaison du HCR : soumettre un dossier, et les soumissions du bureau

nav-submit = Soumettre un dossier
nav-ours = Nos soumissions
submit-title = Soumettre un dossier
submit-lead = Un dossier tel que le HCR l'a enregistré, avec sa famille. Rien n'est enregistré avant la soumission ; ajouter ou retirer un membre garde tout ce qui a été saisi.
submit-case = Le dossier
submit-case-number = Numéro de dossier du HCR
submit-programme = Programme
submit-country-of-asylum = Pays d'asile
submit-nationality = Nationalité
submit-priority = Priorité
submit-channel = Voie
submit-submitted-on = Soumis le
submit-choose = choisir…
submit-categories = Catégories de soumission
submit-primary-category = Catégorie principale
submit-further-categories = Autres catégories
submit-family = Membres de la famille
submit-member = Membre { $number }
submit-full-name = Nom complet
submit-date-of-birth = Date de naissance
submit-sex = Sexe
submit-relationship = Lien avec le demandeur principal
submit-languages = Langues parlées
submit-remove = Retirer le membre { $number }
submit-add = Ajouter un membre
submit-send = Soumettre le dossier
submit-done = Dossier { $number } soumis. Il attend l'évaluation par les agents traitants.
submit-refused = Non soumis, rien n’a été enregistré :
ours-title = Nos soumissions
ours-lead = Les dossiers soumis par { $office }, les plus récents d'abord, avec l'étape où chacun se trouve.
cases-col-submitted = Soumis le

nav-families = Nos familles
families-title = Nos familles
families-lead = Les familles que vous accompagnez : qui elles sont, où elles habitent, leur plan d'accompagnement et leur suivi, et qui contacter. Les arrivées attendues d'abord.
families-lead-all = Les familles qui vivent dans une commune, comme ses agents les voient : qui elles sont, où elles habitent, leur plan d'accompagnement et leur suivi, et qui contacter.
families-municipality = Commune
families-show = Afficher
families-choose = Choisissez une commune pour voir les familles qui y vivent, comme ses agents les voient.
families-expected = Arrivées attendues, les plus proches d'abord
families-no-expected = Aucune famille n'est encore en route : aucune n'a de date de départ.
families-expected-more = Les { $shown } premières sur { $total } sont listées.
families-col-departure = Part le
families-members = Membres
families-age = { $age ->
    [one] { $age } an
   *[other] { $age } ans
}
families-arrived = { $total ->
    [one] { $total } famille arrivée
   *[other] { $total } familles arrivées
}, la dernière arrivée d'abord
families-none = Aucune famille n'est encore arrivée.
families-family-of = Famille de { $name }
families-no-address = pas encore enregistrée
families-no-care-needs = aucun enregistré ou partagé avec vous
families-support = { $provider }, du { $from } au { $to }
families-no-support = pas encore de plan d'accompagnement
families-follow-ups = Suivi
families-follow-up = { $months } mois après l'arrivée, le { $due }
families-recorded = enregistré
families-overdue = en retard, non enregistré
families-not-yet-due = pas encore échu
families-contacts = Contacts
families-contact-case = Dernière étape enregistrée par { $name }
families-contact-support = Accompagnement : { $provider }
families-contact-sponsor = Groupe de parrainage { $group }, personne de contact { $contact }
families-no-contact-details = resettle ne conserve ni numéros de téléphone ni adresses e-mail : joignez ces personnes par leur organisation.
families-by-municipality = Familles par commune
reception-families = où vit chaque famille, son plan d'accompagnement et son suivi, comme la commune les voit.

## A refused role: what its roles do not allow, in words

not-allowed = Vos rôles ({ $roles }) ne permettent pas { $what }.
permission-manage_users = la gestion des utilisateurs et des organisations
permission-manage_settings = la modification des paramètres du programme
permission-plan_quotas = la planification des quotas et des engagements
permission-read_audit = la consultation de la piste d’audit
permission-submit_case = la soumission de dossiers pour le HCR
permission-read_cases = la consultation des dossiers
permission-move_case = le passage d’un dossier à « { $state } »
permission-record_promises = l’enregistrement des dates promises et des demandes de regroupement familial
permission-read_medical = la consultation des dossiers médicaux
permission-write_medical = la rédaction des dossiers médicaux
permission-manage_missions = la planification des missions et l’enregistrement des groupes de parrainage
permission-place = la proposition et la confirmation des placements
permission-record_outcomes = l’enregistrement du suivi de l’intégration
permission-export_subject = l’export de tout ce qui est conservé sur une personne
permission-build_reports = l’établissement du rapport au Parlement
permission-file_claims = introduire des demandes de financement

## Les engagements du planificateur

nav-pledges = Engagements
pledges-title = Engagements
pledges-lead = Les engagements de chaque programme par année, face aux personnes arrivées. Enregistrez l'engagement de l'année prochaine dès qu'il est décidé, ou corrigez une année ; chaque modification est inscrite au journal d'audit.
pledges-col-change = Modifier
pledges-change = Modifier
pledges-set = Enregistrer ou corriger l'engagement d'une année
pledges-field-pledged = Personnes promises
pledges-field-arrived = Arrivées publiées avant resettle (facultatif)
pledges-source-hint = La source dit où l'engagement est publié : une décision du gouvernement, un communiqué de presse, un rapport.
pledges-save = Enregistrer l'engagement
pledges-saved = Enregistré. { $programme } : engagement de { $pledged ->
        [one] { $pledged } personne
       *[other] { $pledged } personnes
    } pour { $year }.
pledges-refused = Non enregistré, rien n'a changé :
dashboard-change-pledges = Enregistrer ou corriger les engagements

## The placement page: each row's family and controls named for it

placement-persons = { $count ->
    [one] 1 personne
   *[other] { $count } personnes
}
placement-place-for = Lieu pour { $case }
placement-over-capacity-for = Au-delà de la capacité, parce que (pour { $case })
placement-confirm-for = Confirmer { $case }
placement-reject-for = Rejeter { $case }

## Suspensions du programme (du planificateur) et familles informées (page du dossier)

nav-holds = Suspensions
holds-title = Suspensions du programme
holds-lead = Une suspension arrête les départs d’un programme d’un jour à un autre. Toute date promise à une famille pendant cette période est rompue : la page du dossier le signale, et la famille lit la suspension et son motif sur sa page de suivi, dans sa langue. Chaque suspension enregistrée figure dans la piste d’audit.
holds-recorded = Suspension enregistrée du { $from } au { $until } : { $families ->
        [0] aucune date promise à une famille n’y tombe.
        [one] la date promise à { $families } famille y tombe.
       *[other] les dates promises à { $families } familles y tombent.
    }
holds-programme = Programme { $programme }
holds-col-from = Du
holds-col-until = Au
holds-col-reason = Motif
holds-col-families = Familles dont la date y tombe
holds-col-note = Note pour le personnel
holds-col-recorded = Enregistrée
holds-none = Aucune suspension enregistrée.
holds-record = Enregistrer une suspension
holds-refused = La suspension n’a pas été enregistrée :
holds-note-hint = Les familles lisent le motif dans leur langue ; la note reste au personnel.
holds-save = Enregistrer la suspension
case-held = Dates promises rompues par une suspension du programme
case-held-promise = La date ({ $kind }) du { $date } tombe dans la suspension du { $from } au { $until } ({ $reason }) : elle ne peut pas être tenue ; donnez une nouvelle date à la famille.
case-family-page = Page de suivi de la famille
case-family-page-lead = La famille suit son dossier sur /family, dans sa langue, avec son numéro de dossier et un code d’accès. Remettre un nouveau code imprime une lettre qui le porte ; l’ancien code et ses sessions cessent aussitôt de fonctionner.
case-family-letter-language = Langue de la lettre
case-family-issue = Remettre un nouveau code et imprimer la lettre
letter-note-once = Un nouveau code d’accès a été remis pour le dossier { $number }. Il ne figure que sur cette lettre : imprimez-la maintenant. L’ancien code ne fonctionne plus.
letter-note-print = Imprimez cette page (Ctrl+P) : seule la lettre est imprimée.
letter-note-back = Retour au dossier

# Familles informées : avis, coordonnées, dates annoncées, liste de travail.
nav-inform = Familles à informer
permission-inform_families = tenir les coordonnées des familles et informer les familles
permission-read_support = le suivi de l’accompagnement à l’intégration des familles
permission-manage_support = l’établissement des plans d’accompagnement, la note des contacts et la clôture des tâches
permission-record_checkins = l’enregistrement des entretiens de bien-être
permission-read_checkin_health = la lecture des réponses de santé des entretiens
field-contact = comment joindre la famille
field-notices = avis à la famille
news-mission_scheduled = inscrit à une mission de sélection
news-accepted = accepté
news-accepted_in_part = accepté en partie
news-refused = refusé
news-deferred = décision reportée
news-preparing = préparatifs du voyage commencés
news-departure_called_off = départ annulé
news-departure_date = date de départ fixée
news-departure_date_slipped = date de départ déplacée
news-interview_date = date d’entretien fixée
news-interview_date_slipped = date d’entretien déplacée
news-withdrawn = retiré
notice_state-queued = en attente d’envoi
notice_state-sent = envoyé
notice_state-failed = échoué
notice_channel-email = e-mail
notice_channel-sms = SMS
contact-title = Comment joindre la famille
contact-lead = L’adresse e-mail et le numéro de portable du demandeur principal, pour les avis. Un avis dit seulement qu’il y a du nouveau, avec le numéro de dossier et l’adresse de la page de la famille.
contact-email = Adresse e-mail
contact-phone = Numéro de portable
contact-save = Enregistrer les coordonnées
contact-refused = Les coordonnées n’ont pas été enregistrées :
contact-saved = Les coordonnées sont enregistrées.
contact-none = aucune
notices-title = Avis à la famille
notices-lead = Chaque étape ou date que la famille doit connaître met un avis en attente ; il part par e-mail, SMS ou les deux, selon la configuration de ce serveur, et est réessayé en cas d’échec.
notices-not-configured = Aucun envoi par e-mail ou SMS n’est configuré sur ce serveur : les avis attendent qu’il le soit.
notices-no-contact = Aucune adresse e-mail ni numéro de portable pour les canaux configurés : les avis attendent qu’une coordonnée soit enregistrée.
notices-col-news = Ce qui s’est passé
notices-col-queued = Mis en attente
notices-col-state = Où il en est
notices-none = Pas encore d’avis.
notice-sent = envoyé le { $date } par { $by }
notice-failed-retry = { $attempts ->
        [one] première tentative échouée
       *[other] { $attempts } tentatives échouées
    } ({ $error }) ; prochaine tentative le { $date } à { $time } UTC
notice-failed-final = abandonné après { $attempts } tentatives ({ $error }) : informez la famille autrement
reception-inform = dates annoncées passées sans départ, et dates déplacées sans que la famille le sache.
inform-title = Familles à informer
inform-lead = Les dates annoncées passées alors que le dossier les attend encore, et les dates changées sans que la famille le sache depuis (aucun avis envoyé, aucun jour d’information enregistré). Les dates passées d’abord, la plus ancienne d’abord.
inform-count = { $total ->
        [one] Une famille à informer
       *[other] { $total } familles à informer
    } ; page { $page }.
inform-col-date = Date annoncée
inform-col-why = Pourquoi
inform-col-notice = Dernier avis
inform-passed = { $days ->
        [one] passée depuis hier
       *[other] passée depuis { $days } jours
    }, non tenue
inform-slip-untold = changée le { $date }, famille non informée
inform-no-notice = aucun
inform-unreachable = pas de coordonnées
inform-none = Aucune famille à informer : chaque date annoncée est encore à venir ou a été tenue, et chaque changement a été annoncé.
## Prévision des capacités (planificateurs)
nav-forecast = Prévision
forecast-title = Prévision des capacités
forecast-lead = Le réseau d'accueil tiendra-t-il les engagements, et combien de places tampons faut-il ? Choisissez un scénario livré ou un programme tel qu'il est aujourd'hui ; la prévision le simule de nombreuses fois, famille par famille et semaine par semaine, et donne la probabilité que chaque engagement soit tenu, le moment où les places manquent et le plus petit nombre de places tampons qui fait tenir chaque engagement.
forecast-live = { $programme } tel qu'il est aujourd'hui
forecast-live-description = Les dossiers du programme { $programme } tels qu'ils sont le { $today }, ses places et ses engagements ; des durées tirées de son propre historique là où il suffit, sinon du scénario de trajectoire de croissance livré ; les propositions se poursuivent au rythme des douze derniers mois.
forecast-what = Que prévoir
forecast-field-runs = Simulations (au plus { $max })
forecast-field-seed = Graine
forecast-field-target = Probabilité visée pour chaque engagement
forecast-hint = 1 000 simulations donnent chaque probabilité à environ 3 points de pourcentage près ; les mêmes simulations et la même graine donnent la même prévision. La recherche des places tampons répète les simulations pour chaque tampon essayé : une prévision prend quelques secondes.
forecast-run = Lancer la prévision
forecast-refused = Non lancée.
forecast-rule-runs = Simulations : un nombre entier de { $min } à { $max }.
forecast-rule-seed = Graine : un nombre entier, 0 ou plus.
forecast-rule-target = Probabilité visée : un pourcentage entier de { $min } à { $max }.
forecast-runs = { $runs } simulations, graine { $seed }.
forecast-pledges = Chaque engagement sera-t-il tenu ?
forecast-no-pledges = Ce scénario n'a pas d'engagement à tenir.
forecast-col-pledge = Engagement
forecast-col-pledged = Personnes promises
forecast-col-p-met = Probabilité qu'il soit tenu
forecast-col-median = Médiane
forecast-col-band50 = 50 % des simulations
forecast-col-band80 = 80 % des simulations
forecast-col-band95 = 95 % des simulations
forecast-col-stage = Étape
forecast-col-median-week = Semaine médiane
forecast-col-never = Jamais à court
forecast-col-week = Semaine du
forecast-col-places = Places
forecast-col-p-over = Probabilité de manquer de places
forecast-col-shock = Choc
forecast-col-p-with = Probabilité tenue avec le choc
forecast-col-p-without = sans
forecast-col-median-with = Arrivées médianes avec le choc
forecast-col-median-without = sans
forecast-buffer = Places tampons
forecast-buffer-none = Le réseau tient tel qu'il est : chaque engagement est tenu avec une probabilité de { $probability } (objectif { $target }).
forecast-buffer-places = { $places } places tampons ({ $split }) portent chaque engagement à une probabilité de { $probability } (objectif { $target }).
forecast-buffer-unreached = Aucun tampon jusqu'à { $limit } places par étape ne porte chaque engagement à { $target } (au plus { $probability }) : les propositions ou une suspension, et non les places, limitent les arrivées.
forecast-buffer-not-monotone = Pendant la recherche, davantage de places ont parfois donné une probabilité plus faible : les familles arrivent alors l'année où elles sont prêtes plutôt que la suivante.
forecast-buffer-consistent = La réponse reste la plus petite : chaque tampon plus petit essayé manquait l'objectif.
forecast-buffer-inconsistent = La réponse n'est peut-être pas la plus petite.
forecast-short = Quand les places manquent pour la première fois
forecast-any-stage = Toute étape
forecast-never = jamais
forecast-chart-arrivals = Personnes arrivées au titre de chaque engagement
forecast-chart-arrivals-desc = Pour chaque engagement, les personnes arrivées pendant ses années, semaine par semaine : la médiane dans les bandes de 50, 80 et 95 % des simulations, avec l'engagement en pointillé.
forecast-chart-stage = Occupation : { $stage }
forecast-chart-stage-desc = Personnes en { $stage } à la fin de chaque semaine : la médiane dans les bandes de 50, 80 et 95 % des simulations, face aux places (tirets).
forecast-chart-stage-unlimited-desc = Personnes en { $stage } à la fin de chaque semaine, sans limite de places : la médiane dans les bandes de 50, 80 et 95 % des simulations.
forecast-chart-waiting = Acceptées et en attente d'une place
forecast-chart-waiting-desc = Personnes acceptées et prêtes à voyager mais en attente d'une place libre (ou de la fin d'une suspension) à la fin de chaque semaine : la médiane dans les bandes de 50, 80 et 95 % des simulations.
forecast-key-median = médiane
forecast-key-bands = 50, 80 et 95 % des simulations
forecast-key-places = places
forecast-key-pledge = engagement
forecast-table-of = Tableau : { $chart }
forecast-shocks = Chocs et leur coût
forecast-happens = a lieu
forecast-what-if = et si
forecast-shock-halt = Personne ne voyage à partir du { $from } pendant { $months ->
        [one] un mois
       *[other] { $months } mois
    }
forecast-shock-mission = Mission { $mission } annulée
forecast-shock-closed = { $places } places fermées en { $stage } à partir du { $from }
forecast-shock-closed-for = { $places } places fermées en { $stage } à partir du { $from } pendant { $months ->
        [one] un mois
       *[other] { $months } mois
    }
forecast-inputs = Données d'entrée et leurs sources
forecast-input-family-sizes = Taille des familles
forecast-input-acceptance-rate = Taux d'acceptation
forecast-input-decision-weeks = Semaines jusqu'à la décision
forecast-input-pre-departure-weeks = Semaines de l'acceptation au départ
forecast-input-stage = Étape : { $about }
forecast-input-submissions = Propositions à venir
forecast-input-pledge = Engagement { $about }
forecast-stage-centre = centre d'accueil
forecast-stage-loi = initiative locale d'accueil
forecast-stage-municipality = commune
forecast-stage-integration_support = accompagnement à l'intégration
## L'accueil par étapes : chaque séjour daté, les déménagements entre lieux

stay-centre = centre d'accueil
stay-loi = initiative locale d'accueil
stay-municipality = commune
stay-sponsor = logement d'un groupe de parrainage
stay-home = logement propre
timeline-stay = début du séjour : { $kind } { $place } ({ $persons ->
        [one] 1 personne
       *[other] { $persons } personnes
    })
timeline-stay-sponsor = début du séjour dans le logement trouvé par le groupe de parrainage { $place } ({ $persons ->
        [one] 1 personne
       *[other] { $persons } personnes
    })
timeline-stay-home = début du séjour dans un logement propre ({ $persons ->
        [one] 1 personne
       *[other] { $persons } personnes
    })
timeline-stay-until = jusqu'au { $until } ({ $days } jours)
timeline-stay-due = { $days } jours jusqu'ici ; le séjour prend fin au plus tard le { $due }
timeline-stay-over = au-delà de la capacité : { $reason }
step-over-capacity-reason = Au-delà de la capacité, parce que
step_data-members_travelled = membres qui ont voyagé
step_data-over_capacity_reason = au-delà de la capacité, parce que
move-title = Déménager vers un autre lieu
move-lead = Le séjour actuel de la famille prend fin et le suivant commence le jour du déménagement. Un retour en arrière (d'une ILA vers un centre) dit pourquoi.
move-place = Lieu
move-on = Jour du déménagement (si ce n'est pas aujourd'hui)
move-reason = Motif
move-over-capacity-reason = Au-delà de la capacité, parce que
move-take = Enregistrer le déménagement
move-done = Le déménagement est enregistré : la famille séjourne dans son nouveau lieu à partir de ce jour.
move-refused = Pas de déménagement, rien n'a changé :
placement-in-stay = en { $kind } { $place } depuis le { $from }
placement-stay-ends = prend fin au plus tard le { $due }
placement-due-home = À reloger dans un logement propre
placement-due-home-lead = Familles dont le prochain séjour est un logement propre : { $total } en tout, celles qui y sont depuis le plus longtemps d'abord. Le délai du profil dit pour quand.
placement-due-home-none = Aucune famille n'est à reloger.
placement-col-since = Depuis
placement-col-ends = Fin du séjour au plus tard
placement-past-limit = délai dépassé
reception-pages = Pages des arrivées attendues
## Refusals: why a form or a step was refused, one message per kind of reason; the page names
## the field (by its label) before the reason.

refusal-colon = {" "}:
refusal-field-of-member = membre { $number }, { $field }
refusal-missing = ce champ est à remplir.
refusal-none_chosen = choisissez parmi : { $allowed }.
refusal-not_in_list = « { $given } » ne fait pas partie des choix : { $allowed }.
refusal-not_a_day = « { $given } » n’est pas une date.
refusal-not_a_number = « { $given } » n’est pas un nombre entier.
refusal-not_name_and_day = « { $given } » n’est pas un contrôle avec sa date (contrôle=AAAA-MM-JJ).
refusal-too_long = au plus { $max } caractères ; il y en a { $got }.
refusal-too_many = au plus { $max } ; il y en a { $got }.
refusal-over_capacity = { $place } occupe { $present } de ses { $capacity } places ; { $persons } de plus feraient { $after } : choisissez un lieu qui a de la place, ou dites pourquoi la famille y va quand même.
refusal-out_of_range = de { $min } à { $max } ; { $got } est hors de ces limites.
refusal-in_future = le { $day } est après aujourd’hui ({ $today }).
refusal-before_last_step = le { $day } est avant la dernière étape du dossier, le { $last }.
refusal-before = le { $day } est avant { $anchor } ({ $other }).
refusal-after = le { $day } est après { $anchor } ({ $other }).
refusal-too_old = avec le { $day }, la personne aurait { $age } ans ; vérifiez l’année.
refusal-not_a_country = « { $given } » n’est pas un pays.
refusal-not_a_language = « { $given } » n’est pas une langue connue.
refusal-not_a_case_number = un numéro de dossier du HCR a de 5 à 24 lettres, chiffres ou tirets (ni au début ni à la fin) ; « { $given } » n’en est pas un.
refusal-principal_applicants = un seul membre est le demandeur principal ; cette famille en a { $found ->
        [0] aucun
       *[other] { $found }
    }.
refusal-step_not_allowed = un dossier à l’état { $from } ne peut pas passer à { $to } ; il peut passer à : { $allowed }.
refusal-decision_without_reason = passer à { $to } est une décision ou une fin : dites pourquoi.
refusal-call_off_without_reason = cela annule la date de départ annoncée à la famille : dites pourquoi.
refusal-step_back_without_reason = cela met fin au parrainage et ramène la famille en accueil : dites pourquoi le parrainage a échoué.
refusal-slip_without_reason = une date de { $promise } a déjà été annoncée à la famille : dites pourquoi elle a changé.
refusal-other_without_words = « { $reason } » a été choisi : dites ce que c’est, en mots.
refusal-no_reason_list = passer de { $from } à { $to } ne prend pas de motif de la liste ; laissez-le vide.
refusal-no_slip = une première date n’en remplace aucune ; laissez le motif de la liste vide.
refusal-nothing_to_claim = toute personne admissible est déjà déclarée et aucun montant déclaré n’a changé : il n’y a rien à introduire.
refusal-unreadable = le fichier ne peut être lu ({ $detail }).
refusal-differs_in_case = diffère de la ligne { $row } du même dossier (« { $first } ») : les colonnes d’un dossier sont les mêmes sur la ligne de chaque membre.
refusal-members_not_numbered = les membres du dossier { $case } doivent être numérotés de 1 à { $count }, sans trou.
refusal-member_twice = le membre { $given } figure deux fois dans le dossier.
refusal-split_decision = une décision partielle accepte certains des { $members } membres, mais pas tous.
refusal-reception_first = une famille arrivée va d’abord dans une structure d’accueil{ $sponsor ->
        [yes] , sauf si un groupe de parrainage l’accueille.
       *[no] .
    }
refusal-checks_outstanding = requis avant de programmer un départ : { $missing }.
refusal-not_defined = « { $given } » n’appartient pas à ce programme.
refusal-duplicate = « { $given } » est déjà enregistré.
refusal-no_such_case = il n’y a pas de dossier { $number } que vous puissiez voir.
refusal-changed_since = le dossier a été modifié depuis que vous l’avez ouvert (il est maintenant à la version { $version }, vous aviez la { $seen }) ; rechargez la page et réessayez.
refusal-channel_refuses = la politique du programme n’accepte pas les dossiers de priorité { $priority } par { $channel }.
refusal-no_target = { $year } n’a ni décision de quota ni engagement à répartir.
refusal-no_needs = il n’y a pas de chiffres des besoins de réinstallation pour { $year } ni pour une année antérieure.
refusal-not_state_reception = un ou une { $kind } n’est pas un accueil de l’État ; une famille placée là passe à l’étape « logée ».
refusal-no_home = un ou une { $kind } n’est pas un logement : une famille logée va dans son propre logement, celui d’un groupe de parrainage ou d’une commune qui la loge directement.
refusal-request_not_allowed = { $final ->
    [yes] une demande { $from } est définitive et ne peut pas devenir { $to }.
   *[no] une demande { $from } ne peut pas devenir { $to } ; elle peut devenir : { $allowed }.
}
refusal-resolved_while_requested = le { $day } est indiqué, mais la demande attend encore une décision ; laissez la date vide.
refusal-hold_too_long = une suspension dure au plus { $max } jours ; celle-ci en dure { $days }.
refusal-listed_twice = « { $given } » figure deux fois.
refusal-none_beside_others = « aucune » ne peut être choisie à côté d’une dépendance.
reunification-status-requested = demandée
reunification-status-approved = approuvée
reunification-status-refused = refusée
reunification-status-reunited = réunie
after-arrival-title = Étapes après l’arrivée
after-arrival-lead = Ce que le programme demande encore à la famille une fois arrivée, chaque étape avec le jour où elle a été faite et le temps écoulé depuis l’arrivée.
after-arrival-col-step = Étape
after-arrival-col-by = Par
after-arrival-col-done = Faite le
after-arrival-col-days = Temps depuis l’arrivée
after-arrival-not-done = pas encore
after-arrival-days = { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
after-arrival-form-title = Enregistrer une étape après l’arrivée
after-arrival-record = Enregistrer l’étape
after-arrival-saved = Enregistré : { $step }.
after-arrival-refused = Non enregistré :
refusal-not_arrived = la famille n’est pas encore arrivée.
refusal-no_step_back = seule une famille accueillie par un groupe de parrainage retourne dans l’accueil, quand le parrainage échoue.
refusal-home_is_no_place = le logement propre de la famille n’est pas une place d’accueil : donnez son adresse.
refusal-already_there = { $home ->
    [yes] la famille vit déjà dans son propre logement.
   *[other] la famille séjourne déjà à { $place }.
}
refusal-move_back_without_reason = un déménagement d’un ou une { $from } vers un ou une { $to } est un retour en arrière : dites pourquoi.
refusal-no_stay_yet = la famille n’a encore aucun séjour : accueillez-la par l’étape « en accueil ».
refusal-move_changes_state = un déménagement d’un ou une { $from } vers un ou une { $to } change l’état du dossier : { $back ->
    [yes] passez par l’étape de retour « en accueil ».
   *[no] passez par l’étape « logé ».
}
refusal-open_before_last = seul le dernier séjour peut rester ouvert : la famille a quitté celui-ci.
refusal-not_continuous = le { $day } n’est pas le jour où le séjour précédent a pris fin ({ $ended }).
refusal-too_few = au moins { $min } ; { $got } est trop peu.
refusal-not_in_family = la famille n’a pas de membre { $member } (membres 1 à { $members }).
refusal-age_outside = le membre { $member } a { $age } ans le { $on } ; ceci vaut pour les âges de { $min } à { $max }.
refusal-schooling_unanswered = le membre { $member } est en âge scolaire : dites si l’enfant va à l’école.
refusal-no_work_to_match = sans travail, aucun travail ne peut correspondre à une qualification.
refusal-not_where_staying = la place enregistrée « { $given } » n’est pas celle du séjour actuel (« { $current } »).
refusal-not_stored_as_code = « { $given } » est enregistré sous son code « { $code } ».
reunification-title = Regroupement familial
reunification-lead = Les proches restés en arrière que la famille demande à faire venir. Une décision partielle et une arrivée sans un membre accepté ouvrent une demande ; une demande qui attend encore une décision après son échéance est en retard.
reunification-col-no = N°
reunification-col-relative = Proche
reunification-col-status = État
reunification-col-requested = Demandé le
reunification-col-due = Décision au plus tard
reunification-no-limit = sans délai
reunification-overdue = { $days ->
        [one] { $days } jour de retard
       *[other] { $days } jours de retard
    }
reunification-overdue-line = regroupement de { $name }
ties-title = Demande { $number } : { $name }
ties-dependency = Dépendance
ties-evidence = Preuve des liens familiaux
ties-not-recorded = non enregistrée
ties-save = Enregistrer la dépendance et la preuve
ties-saved = La dépendance et la preuve de la demande { $number } sont enregistrées.
ties-refused = Non enregistré :
dependency-none = aucune
dependency-financial = financière
dependency-emotional = affective
dependency-medical = médicale
evidence-documents = documents d’état civil
evidence-dna = test ADN
evidence-testimony = témoignage
evidence-photographs = photographies
evidence-unhcr_records = enregistrement auprès du HCR
refusal-characters = « { $given } » ne peut contenir que des lettres, des chiffres et { $others }.
refusal-too_short = il faut au moins { $min } caractères, sans compter les espaces au début et à la fin ; il y en a { $got }.
refusal-one_character_repeated = c’est un seul caractère répété ; choisissez une phrase de plusieurs mots.
refusal-common_password = il figure sur la liste des mots de passe les plus utilisés, issue de fuites ; choisissez-en un autre.
refusal-role_not_held = l’utilisateur n’a pas le rôle « { $role } ».
refusal-no_organisation = vous n’appartenez à aucune organisation qui soumet des dossiers.
refusal-not_a_list_position = « { $given } » n’est pas une position dans cette liste : suivez le lien « page suivante » de la liste, ou recommencez à la première page.
refusal-not_a_web_address = « { $given } » n’est pas une adresse http:// ou https:// sans requête.
refusal-not_an_email = « { $given } » n’est pas une adresse e-mail (nom@domaine).
refusal-not_a_phone = « { $given } » n’est pas un numéro de mobile au format international (+ et 8 à 15 chiffres, p. ex. +961 3 123 456).
refusal-no_rate = le profil de politique du programme n’a pas de montant pour { $instrument }.
refusal-several = il y en a plusieurs ({ $found }) ; nommez-en un.
refusal-one_of = donnez { $fields }, pas les deux.
refusal-no_longer = ce n’est plus { $was } : cela a été modifié depuis que vous l’avez chargé ; rechargez et réessayez.
refusal-place_not_of_kind = { $place } est de type « { $is } », pas « { $wanted } ».
refusal-at_most_one = donnez au plus un de { $fields }.
refusal-not_combined = ne peut être combiné avec { $with }.
refusal-figures = ces chiffres ne permettent pas le calcul ({ $detail }).
refusal-no_scenario_for = aucun scénario livré avec resettle ne donne de valeurs par défaut pour le modèle d’accueil « { $model } » ; faites une prévision avec un fichier de scénario à vous.
refusal-newer_schema = la copie est à la version de schéma { $version }, plus récente que la { $latest } de cette version ; restaurez-la avec la version de resettle qui l’a écrite.
refusal-untrustworthy = la copie n’est pas fiable ({ $detail }).
refusal-own_tools = une base PostgreSQL se sauvegarde et se restaure avec ses propres outils, pas par resettle.
refusal-storage = l’enregistrement a échoué ; l’incident a été consigné.
anchor-submitted = le jour où le dossier a été soumis
anchor-step_before = l’étape précédente
anchor-step_recorded = le jour où l’étape a été enregistrée
anchor-promised = le jour où elle a été promise
anchor-day_set = le jour où elle a été fixée
anchor-request_filed = le jour où la demande a été déposée
anchor-arrived = le jour de l’arrivée de la famille
anchor-current_stay_began = le jour où le séjour actuel de la famille a commencé
anchor-stay_began = le jour où le séjour a commencé
anchor-support_starts = le jour où l’accompagnement commence
anchor-support_ends = le jour où l’accompagnement se termine
anchor-hold_starts = le début de la suspension
anchor-starts = le jour où cela commence
anchor-follow_up_due = le jour du suivi à { $months } mois
## Le rapport au Parlement (/report)
nav-report = Rapport au Parlement
report-page-title = Rapport au Parlement
report-page-lead = Le rapport annuel du programme : engagements et arrivées, qui est arrivé, missions de sélection, délais, retards et leurs motifs, décisions par groupe, regroupement familial, accueil et financement.
report-page-year = Année
report-page-language = Langue du rapport
report-page-format = Format
report-page-format-html = page web (HTML)
report-page-format-pdf = document PDF
report-page-format-xlsx = tableur (XLSX)
report-page-format-csv = chiffres en CSV
report-page-round = Arrondir chaque effectif au multiple de 5 le plus proche (pratique d’Eurostat)
report-page-suppression = Les effectifs trop petits pour être publiés sont masqués, comme le prévoient les règles de protection des données du programme.
report-page-build = Établir le rapport
report-page-refused-year = Le rapport n’a pas été établi : indiquez une année de { $min } à { $max } déjà commencée.
claim-page-title = Demande de financement
claim-page-lead = Chaque personne acceptée pour la réinstallation et arrivée dans l’année, une seule fois, avec le montant demandé pour elle selon le profil de politique du programme, et le total.
claim-page-instrument = Instrument
claim-page-instrument-amif = financement de l’UE (AMIF), par personne
claim-page-instrument-allowance = allocation à la commune d’accueil
claim-page-language = Langue de la demande
claim-page-build = Établir la demande
claim-page-refused-instrument = La demande n’a pas été établie : le profil de politique du programme ne prévoit pas ce financement. Choisissez l’autre instrument.
claims-page-title = Demandes de financement introduites
claims-page-lead = Une demande introduite ne change jamais. Une demande ultérieure pour le même instrument et la même année ne reprend que les personnes qu’aucune demande n’a encore reprises, et corrige, avec le motif, le montant de toute personne déjà déclarée dont le montant a changé : personne n’est déclaré deux fois.
claims-page-file-title = Introduire une demande
claims-page-file-lead = Introduit la demande de l’année telle qu’elle est aujourd’hui. Tant que l’année n’est pas finie, une demande ultérieure ajoute les personnes arrivées après.
claims-page-file = Introduire la demande
claims-page-refused = La demande n’a pas été introduite :
claims-page-filed = La demande a été introduite.
claims-page-filed-title = Demandes introduites
claims-page-none = Aucune demande n’a encore été introduite.
claims-page-claim = { $instrument }, { $year }, demande { $number }
claims-page-claim-filed = Introduite le { $day } par { $by }, arrivées comptées jusqu’au { $as_of } ; total { $total } €.
claims-page-lines = { $count ->
    [one] une ligne
   *[other] { $count } lignes
}
claims-page-person = Personne (dossier/membre)
claims-page-kind = Ligne
claims-page-amount = Montant
claims-page-kind-claim = déclarée
claims-page-kind-correction = correction
claims-page-reason-amount_changed = le montant a changé
claims-page-reason-no_longer_eligible = ne fait plus partie des arrivées de l’année
report-page-claims-link = Demandes de financement introduites

## La page du quota : le plan réparti par situation et par canal, suivi jusqu'à l'arrivée.
nav-quota = Quota
quota-title = Quota par situation et par canal
quota-lead = Les places de chaque année réparties entre les situations de réfugiés au prorata des besoins de réinstallation prévus par le HCR, avec les seuils du programme, et entre missions de sélection, examen sur dossier et places d'urgence ; les missions que cela demande ; et chaque année suivie jusqu'à l'arrivée.
quota-programme = Programme
quota-from = De
quota-to = À
quota-emergency = Places d'urgence par an
quota-allocate = Répartir le plan
quota-allocation-title = Le plan par situation et par canal
quota-floors = Seuils :
quota-floors-none = aucun
quota-chart-title = Places par an et par situation de réfugiés
quota-situation-africa = Situations africaines
quota-situation-syria = Réfugiés syriens
quota-situation-other = Autres situations
quota-year-on-top = { $places } places : l'objectif de { $target } plus { $emergency } places d'urgence en sus.
quota-year-within = { $places } places, dont { $emergency } places d'urgence.
quota-target-decision = L'objectif est celui de la décision de quota.
quota-target-pledge = L'objectif est l'engagement de l'année.
quota-needs-of = Besoins de { $year }.
quota-col-situation = Situation
quota-col-total = Total
quota-missions-title = Missions de sélection nécessaires en { $year }
quota-col-country = Pays d'asile
quota-col-mission-persons = Personnes par mission
quota-col-missions = Missions
quota-col-planned = Déjà prévues
quota-col-to-plan = Encore à prévoir
quota-country-none = aucun pays d'asile connu
quota-needs-title = Les chiffres des besoins et leurs sources
quota-needs-note = Une année sans chiffres propres reprend ceux de la dernière année antérieure. Aucune source ne donne à part les situations africaines (Grands Lacs, Soudan du Sud, Soudan, Somalie, République centrafricaine).
quota-track-title = Une année suivie jusqu'à l'arrivée
quota-track-year = Année
quota-track-show = Afficher l'année
quota-sponsored-left-out = Les familles parrainées s'ajoutent ici au quota et n'y sont donc pas comptées.
quota-col-channel = Canal
quota-col-target = Objectif
quota-col-submitted = Soumis
quota-col-accepted = Acceptés
quota-col-departed = Départ fixé
quota-col-arrived = Arrivés
quota-col-gap = Écart
quota-delays-title = Retards derrière l'écart, par motif
quota-delays-none = Aucune date annoncée à une famille n'a été reportée cette année-là.
quota-col-reason = Motif
quota-col-cases = Dossiers
quota-col-persons = Personnes
quota-decisions-title = Décisions de quota
quota-decisions-none = Aucune décision de quota n'est encore enregistrée.
quota-decision-line = Décision { $id }, publiée le { $published } : proposée par { $proposed }, après consultation de { $consulted }.
quota-decide-title = Enregistrer une décision de quota
quota-field-proposed_by = Proposée par
quota-field-consulted = Consultés
quota-field-motivation = Motivation
quota-field-published_on = Publiée le
quota-field-years = Personnes par an
quota-field-years-hint = Une année et ses personnes par entrée, séparées par des virgules : 2022=2000, 2023=3000, 2024=3821.
quota-field-emergency = Places d'urgence pour chacune de ces années
quota-decide-save = Enregistrer la décision
quota-saved = Décision { $id } enregistrée.
quota-refused = Non effectué :
quota-rule-from = la première année doit être une année de 1950 à 2100 avec une décision de quota ou un engagement, et des chiffres de besoins pour cette année ou avant.
quota-rule-to = la dernière année ne peut précéder la première, et un plan dure au plus 50 ans.
quota-rule-years = donnez chaque année une fois sous la forme ANNÉE=PERSONNES, de 1950 à 2100, avec au plus 10 000 000 personnes.
quota-rule-emergency = les places d'urgence sont un nombre entier de 0 à 10 000 000.
quota-rule-proposed_by = indiquez qui a proposé le quota (au plus 4 000 caractères).
quota-rule-consulted = indiquez qui a été consulté (au plus 4 000 caractères).
quota-rule-motivation = donnez la motivation : un quota que personne n'a motivé ne peut être justifié (au plus 4 000 caractères).
quota-rule-published_on = donnez le jour de la publication.
quota-rule-year = l'année à suivre doit être une année de 1950 à 2100 avec une décision de quota ou un engagement.

# Accompagnement à l'intégration : la liste de travail et l'accompagnement d'une famille (issue 25).
nav-support = Suivi
support-title = Liste de travail de l'accompagnement
support-lead = Les familles que vous accompagnez après leur arrivée : les tâches ouvertes par leurs bilans, les bilans en retard et le plan d'accompagnement de chaque famille.
support-tasks = Tâches ouvertes
support-no-tasks = Aucune tâche ouverte.
support-col-opened = Ouverte le
support-col-task = Tâche
support-col-from = Issue du
support-checkin-at = bilan à { $months } mois
support-overdue = Bilans en retard
support-no-overdue = Aucun bilan n'est en retard.
support-col-due = Dû depuis
support-col-checkin = Bilan
support-col-provider = Accompagnateur
support-families = Familles accompagnées ({ $n })
support-no-families = Aucune famille accompagnée.
support-col-next = Prochain bilan
support-checkin-due = bilan à { $months } mois, dû le { $due }
support-nothing-due = aucun dû
support-family-title = Accompagnement de { $case }
support-back = Retour à la liste de travail
support-done-contact = Le contact est consigné.
support-done-checkin = Le bilan est enregistré.
support-done-goal = L'objectif est marqué comme atteint.
support-done-task = La tâche est clôturée.
support-plan = Plan d'accompagnement
support-starts = Début
support-ends = Fin prévue
support-months = { $n } mois
support-no-plan = Pas encore de plan d'accompagnement : l'accueil ou l'accompagnateur l'établit.
support-goals = Objectifs
support-goal = Objectif
support-col-target = Date visée
support-col-state = État
support-goal-reached = atteint le { $on }
support-goal-late = date visée dépassée
support-goal-open = ouvert
support-goal-refused = L'objectif n'a pas été marqué comme atteint :
support-goal-reached-on = Atteint le
support-goal-mark = Marquer comme atteint
support-task-opened = ouverte le { $on } par le bilan à { $months } mois
support-task-closed = Clôturée le { $on }
support-task-refused = La tâche n'a pas été clôturée :
support-task-note = Ce qui a été fait
support-task-close = Clôturer la tâche
support-task = Tâche
support-checkins = Bilans de bien-être
support-no-checkins = Aucun bilan encore rempli.
support-col-answered = Rempli
support-col-home = Logement propre
support-checkin-language = Cours de langue
support-checkin-school = Enfants scolarisés
support-checkin-work = Travail ou formation
support-checkin-health = Soins de santé
support-checkin-relatives = Membres de la famille encore à l'étranger
support-checkin-feeling = Comment la famille trouve que les choses se passent
support-yes = oui
support-no = non
support-home-facts = cuisine propre { $kitchen }, douche propre { $shower }, { $rooms } pièces
support-of = { $n } sur { $of }
support-work-facts = { $working } sur { $of } au travail, { $matching } selon leurs qualifications
support-health-facts = inscrits chez un médecin { $doctor }, soins quand il le faut { $care }
support-not-answered = pas de réponse
feeling-1 = très mal
feeling-2 = mal
feeling-3 = moyennement
feeling-4 = bien
feeling-5 = très bien
support-checkin-record = Enregistrer un bilan
support-checkin-lead = Posez les questions avec la famille. Un problème que montrent les réponses (pas de logement propre, un enfant non scolarisé, un proche encore à l'étranger) ouvre une tâche pour l'accompagnateur.
support-checkin-refused = Le bilan n'a pas été enregistré :
support-checkin-months = Bilan
support-checkin-answered-on = Rempli le
support-checkin-housing = Logement
support-checkin-own-home = La famille vit dans un logement à elle
support-checkin-own-kitchen = Elle a sa propre cuisine
support-checkin-own-shower = Elle a sa propre douche
support-checkin-rooms = Pièces (sans cuisine ni salle de bains)
support-checkin-language-course = Un adulte suit un cours de langue
support-checkin-child-in-school = Le membre { $member } ({ $age } ans) va à l'école
support-checkin-adult-works = Le membre { $member } ({ $age } ans) a un travail
support-checkin-adult-trains = Le membre { $member } suit une formation vers l'emploi
support-checkin-adult-match = Le travail du membre { $member } correspond à ses qualifications
support-checkin-health-hint = Données de catégorie particulière : scellées, lues seulement par le médecin et l'accompagnateur.
support-checkin-doctor = Chaque membre est inscrit chez un médecin
support-checkin-care = La famille reçoit des soins quand elle en a besoin
support-checkin-health-skip = La famille préfère ne pas répondre à ces questions
support-checkin-save = Enregistrer le bilan
support-contacts = Contacts consignés
support-no-contacts = Aucun contact encore consigné.
support-contact-log = Consigner un contact
support-contact-refused = Le contact n'a pas été consigné :
support-contact-on = Jour
support-contact-kind = Comment
support-contact-note = De quoi il s'agissait
support-contact-hint = Pas de données de santé ici : elles ont leur place dans les réponses scellées d'un bilan.
support-contact-save = Consigner le contact
task-no_own_housing = pas de logement propre
task-child_not_in_school = enfant non scolarisé
task-relative_abroad = membre de la famille encore à l'étranger
goal-own_housing = un logement propre
goal-language_course = cours de langue
goal-school_enrolment = inscription à l'école
goal-doctor_registration = inscription chez un médecin
goal-work_or_training = travail ou formation
goal-family_abroad = membres de la famille à l'étranger réunis
contact_kind-visit = visite à domicile
contact_kind-office = au bureau
contact_kind-call = appel
contact_kind-message = message
provider_kind-ngo = ONG
provider_kind-municipality = commune
provider_kind-sponsor_group = groupe de parrainage
answered_by-staff = par un accompagnateur
answered_by-family = par la famille

## La page d’import (/import)
submit-import = Beaucoup de dossiers à la fois ? Importez un tableur
import-page-title = Importer des soumissions
import-too-large = Le fichier dépasse { $mib } Mio : divisez-le en fichiers plus petits et importez-les un par un.
import-page-lead = Enregistrez les soumissions du HCR depuis un tableur (CSV ou XLSX), une ligne par personne. Le fichier est d’abord vérifié et rien n’est enregistré avant que vous ne l’importiez ; un fichier dont une seule ligne est fautive n’importe rien et chaque ligne fautive est indiquée. Les dossiers déjà enregistrés restent tels quels.
import-page-columns = Les colonnes, dans cet ordre
import-page-columns-lead = Les listes sont séparées par des points-virgules ; formation, profession et dossiers liés peuvent être vides. Une autre mise en page se lit en ligne de commande avec un fichier de correspondance.
import-page-check-title = Vérifier un fichier
import-page-file = Fichier (CSV ou XLSX)
import-page-check = Vérifier le fichier
import-page-refused = Rien n’a été importé :
import-page-problems = Rien n’a été importé : { $name } a { $count ->
        [one] un problème
       *[other] { $count } problèmes
    }. Corrigez le fichier et vérifiez-le à nouveau.
import-page-problems-title = Les problèmes, par ligne
import-page-row = Ligne
import-page-column = Colonne
import-page-value = Valeur
import-page-reason = Pourquoi
import-page-whole-file = le fichier
import-page-preview-title = Ce que { $name } enregistrerait
import-page-preview = { $cases ->
        [one] un dossier
       *[other] { $cases } dossiers
    }, { $persons ->
        [one] une personne
       *[other] { $persons } personnes
    } : { $added } { $added ->
        [one] serait enregistré
       *[other] seraient enregistrés
    }, { $unchanged } { $unchanged ->
        [one] l’est
       *[other] le sont
    } déjà.
import-page-import = { $added ->
        [one] Importer le dossier
       *[other] Importer les { $added } dossiers
    }
import-page-done = Importé : { $added } enregistrés, { $unchanged } déjà enregistrés, sur { $cases ->
        [one] un dossier
       *[other] { $cases } dossiers
    } et { $persons ->
        [one] une personne
       *[other] { $persons } personnes
    } dans le fichier.