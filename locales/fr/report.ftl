# Le rapport au Parlement (resettle report annual, la page du rapport). Français.
# Les mots des pays, catégories, sexes et motifs de report viennent de staff.ftl.

report-title = La réinstallation en { $year } : rapport au Parlement
report-contents = Table des matières
report-field-programme = Programme
report-field-made-on = Établi le
report-field-profile = Profil de politique
report-field-up-to = Chiffres arrêtés au
report-partial = L’année n’est pas terminée : ses chiffres vont jusqu’au { $date } et ne sont pas définitifs.
report-withheld = <{ $threshold }
report-percent = { $value } %
report-total = Total
report-none = Aucun cette année.
money-euros = { $amount } €

report-summary-heading = L’année en bref
report-persons-arrived = Personnes arrivées
report-families-arrived = Familles arrivées
report-persons-accepted = Personnes acceptées
report-persons-refused = Personnes refusées
report-missions-done = Missions de sélection menées
report-missions-planned = Missions de sélection prévues

report-pledges-heading = Engagements et arrivées
report-pledges-lead = L’engagement de chaque année face aux personnes arrivées cette année-là, pour chaque année du plan jusqu’ici. L’écart est la part de l’engagement non tenue.
report-pledges-chart = Personnes promises et arrivées par année
report-pledges-chart-key = Barres claires : personnes promises ; barres foncées : personnes arrivées. Le chiffre au-dessus d’une année est la part de l’engagement non tenue.
report-year-so-far = { $year } (jusqu’ici)
report-col-year = Année
report-col-pledged = Engagement
report-col-arrived = Arrivées
report-col-gap = Écart
report-col-source = Source

report-arrivals-heading = Qui est arrivé
report-arrivals-lead = Personnes arrivées dans l’année, chacune comptée une fois : d’une famille acceptée en partie, seuls les membres acceptés.
report-arrivals-by = Personnes arrivées par { $dimension }
report-col-persons = Personnes
report-by-nationality = nationalité
report-by-country_of_asylum = pays d’asile
report-by-category = catégorie de soumission
report-by-age_band = âge
report-by-sex = sexe
report-by-family_size = personnes dans la famille
report-by-medical_needs = besoins médicaux
report-by-ground = motif de refus
report-by-waiting = durée d’attente
report-category-none = aucune catégorie enregistrée
report-age-band = { $band } ans
report-medical-yes = soumis avec des besoins médicaux
report-medical-no = sans besoins médicaux

report-missions-heading = Missions de sélection
report-col-mission = Mission
report-col-country = Pays visité
report-col-from = Du
report-col-to = Au
report-col-status = État
report-col-cases = Dossiers
report-mission-planned = prévue
report-mission-completed = menée
report-mission-cancelled = annulée

report-durations-heading = Délais
report-durations-lead = Combien de temps les familles ont attendu, en jours : de la soumission par le HCR à la décision (décisions de l’année), et de l’acceptation à l’arrivée (arrivées de l’année), face au délai que le profil de politique fixe pour les dossiers de priorité normale.
report-col-interval = Intervalle
report-col-families = Familles
report-col-median = Médiane (jours)
report-col-p90 = 90e centile (jours)
report-col-limit = Délai (jours)
report-col-over-limit = Familles au-delà du délai
report-interval-submission_to_decision = De la soumission à la décision
report-interval-acceptance_to_arrival = De l’acceptation à l’arrivée
report-no-limit = aucun fixé
report-limit-source = { $interval } : le délai de { $days } jours vient de { $source }.

report-delays-heading = Retards et leurs motifs
report-delays-lead = Chaque retard de l’année : une date de départ ou d’entretien remplacée par une plus tardive, un départ annulé, une décision reportée ; regroupés par motif enregistré, avec les familles et personnes concernées.
report-col-delay = Retard
report-col-reason = Motif
report-col-delays = Retards
report-delay-departure_moved = date de départ repoussée
report-delay-interview_moved = date d’entretien repoussée
report-delay-departure_called_off = départ annulé
report-delay-decision_deferred = décision reportée

report-decisions-heading = Décisions
report-decisions-lead = Personnes ayant fait l’objet d’une décision dans l’année, acceptées et refusées, par groupe, afin que le Parlement puisse voir si la sélection traite chaque groupe de la même façon (recommandation 6 des ONG). Le taux d’acceptation est la part des acceptés parmi les personnes décidées.
report-decisions-by = Décisions par { $dimension }
report-col-accepted = Acceptées
report-col-refused = Refusées
report-col-rate = Taux d’acceptation
report-grounds-caption = Personnes refusées par motif invoqué
report-ground-not_recorded = aucun motif enregistré

report-reunification-heading = Demandes de regroupement familial en attente
report-reunification-lead = Demandes de faire venir des proches restés au pays qui attendaient une décision le { $date }, selon la durée de leur attente.
report-col-requests = Demandes
report-waiting-under_6_months = moins de 6 mois
report-waiting-6_to_12_months = de 6 à 12 mois
report-waiting-1_to_2_years = de 1 à 2 ans
report-waiting-2_years_and_more = 2 ans ou plus

report-reception-heading = Occupation de l’accueil
report-reception-lead = Places d’accueil et personnes qui y séjournaient le { $date } (l’occupation n’est pas conservée jour par jour).
report-col-place = Type de place
report-col-places = Places
report-col-capacity = Capacité (personnes)
report-col-occupied = Personnes hébergées
report-col-occupancy = Occupation
report-place-centre = centres d’accueil
report-place-loi = initiatives locales d’accueil
report-place-municipality = places communales
report-place-total = toutes les places

report-money-heading = Financement
report-money-lead = Le financement européen et les allocations qui découlent des arrivées de l’année selon le profil de politique, à partir des chiffres publiés.
report-eu-per-person = Financement européen par personne réinstallée
report-eu-persons = Personnes acceptées et arrivées
report-eu-total = Financement européen à réclamer
report-no-funding = le profil ne mentionne aucun financement européen
report-allowance-adult = Allocation par adulte
report-allowance-minor = Allocation par mineur
report-adults = Adultes arrivés (18 ans et plus)
report-minors = Mineurs arrivés
report-allowances-total = Allocations dues
report-allowance-purpose = L’allocation finance
report-no-allowance = le profil ne prévoit aucune allocation

report-method-heading = Comment les chiffres ont été établis
report-method-suppression = Les effectifs de 1 à { $below } ne sont pas publiés et apparaissent comme <{ $threshold }, afin qu’aucun tableau ne désigne une famille ; lorsqu’un effectif masqué pourrait se déduire d’un total, le plus petit suivant est masqué aussi. Les zéros sont publiés : ils ne décrivent personne. Un taux ou une médiane n’est donné qu’à partir de { $threshold } personnes.
report-method-rounded = Chaque effectif publié est arrondi au multiple de 5 le plus proche (pratique d’Eurostat) ; les totaux sont arrondis séparément, si bien que les lignes peuvent ne pas s’y additionner exactement.
report-method-not-rounded = Les effectifs ne sont pas arrondis.
report-method-persons = Une personne est comptée une fois par an, quel que soit le nombre d’étapes de son dossier. Une famille est comptée par son dossier. Les âges sont comptés au jour de l’arrivée pour les arrivées, au jour de la décision pour les décisions.
report-method-percentiles = Les médianes et 90e centiles suivent la méthode du rang le plus proche : chacun est un nombre de jours qu’une famille a réellement attendu.
report-method-pledges = Le tableau des engagements compte les arrivées d’une année comme le tableau de bord du programme, chaque membre d’une famille arrivée ; les tableaux de qui est arrivé ne comptent que les membres acceptés, si bien que les deux peuvent différer des membres qu’une décision partielle a laissés derrière.
report-method-not-given = Un tiret (—) remplace un taux ou un nombre de jours non donné parce que trop peu de personnes ou de familles s’y trouvent.

# Demandes de financement
claim-title-amif = Demande AMIF pour les arrivées de { $year }
claim-title-allowance = Allocations communales pour les arrivées de { $year }
claim-instrument-amif = Fonds « Asile, migration et intégration » de l’UE (AMIF)
claim-instrument-allowance = Allocation à la commune d’accueil
claim-lead-amif = Chaque personne acceptée pour la réinstallation et arrivée en { $year } figure une seule fois, avec le montant que le fonds verse pour elle.
claim-lead-allowance = Chaque personne acceptée pour la réinstallation et arrivée en { $year } figure une seule fois, avec l’allocation due à la commune d’accueil : par adulte (18 ans ou plus à l’arrivée) et par mineur, l’allocation de la première cohorte remplaçant l’allocation ordinaire.
claim-partial = L’année n’est pas terminée : les personnes arrivées après le { $date } seront demandées plus tard.
claim-summary-heading = Résumé
claim-field-instrument = Instrument
claim-rate-person = Par personne
claim-rate-adult = Par adulte
claim-rate-minor = Par mineur
claim-rate-first_cohort_adult = Par adulte de la première cohorte
claim-rate-first_cohort_minor = Par mineur de la première cohorte
claim-field-persons = Personnes demandées
claim-field-total = Total demandé
claim-lines-heading = Personnes pour lesquelles le financement est demandé
claim-lines-caption = Une ligne par personne, par jour d’arrivée
claim-col-person = Personne
claim-col-case = Numéro de dossier
claim-col-member = Membre
claim-col-arrived = Arrivée le
claim-col-age = Adulte ou mineur
claim-col-cohort = Cohorte
claim-col-amount = Montant
claim-adult = adulte
claim-minor = mineur
claim-cohort-first = première cohorte
claim-cohort-ordinary = ordinaire
claim-total = Total

## Ce que le programme apprend après l'arrivée (issue 25), et le quota face aux arrivées (issue 24).
report-cohorts-heading = Ce que le programme apprend après l'arrivée
report-cohorts-lead = D'après les bilans de bien-être des familles, par année d'arrivée : combien de celles qui ont répondu ont dit oui. Une part dont le nombre de oui ou de non est inférieur à { $threshold } n'est pas publiée, comme sur le tableau de bord public ; un tiret signifie qu'aucune famille de cette année n'a encore répondu.
report-cohorts-none = Aucune famille n'a encore répondu à un bilan de bien-être.
report-col-measure = Mesure
report-cohort-arrived-in = Arrivées en { $year }
report-cohort-share = { $yes } sur { $of } ({ $percent } %)
report-quota-heading = Le quota par situation face aux arrivées
report-quota-lead = Le quota de l'année réparti entre situations de réfugiés et canaux de sélection, face aux personnes arrivées de chaque situation par chaque canal. Les objectifs sont les chiffres du plan ; les arrivées sont comptées comme ailleurs dans ce rapport.
report-quota-none = Aucun objectif de quota n'est fixé pour cette année : ni décision de quota, ni engagement.
report-quota-sponsored = Les familles accueillies par un groupe de parrainage ne sont pas comptées : le profil place le parrainage communautaire en plus du quota.
report-col-situation = Situation de réfugiés
report-col-channel = Canal
report-col-target = Objectif
