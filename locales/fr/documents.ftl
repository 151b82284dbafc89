# Documents qu’une famille lit : l’export d’accès (RGPD art. 15). Français.

doc-page = Page
doc-page-of = sur
doc-none = Rien d’enregistré.
doc-since = Conservé depuis le { $date }.
doc-yes = oui
doc-no = non

sar-title = Vos données personnelles détenues par le programme de réinstallation
sar-subtitle = Dossier { $case }
sar-intro = Ce document énumère tout ce que { $programme } conserve sur votre famille : quelles données, pourquoi, depuis quand, et qui les a consultées. Vous avez le droit de le recevoir en vertu de l’article 15 du règlement général sur la protection des données (RGPD).

sar-about-heading = À propos de ce document
sar-field-case = Numéro de dossier
sar-field-programme = Programme
sar-field-made-on = Établi le
sar-field-made-by = Établi par

sar-why-heading = Pourquoi nous conservons vos données
sar-why-purpose = Nous conservons vos données pour décider de votre réinstallation, préparer votre voyage, vous accueillir et accompagner votre famille pendant { $months } mois après votre arrivée.
sar-why-basis = Il s’agit d’une mission d’intérêt public (RGPD, article 6, paragraphe 1, e). Nous ne traitons les données de santé que pour organiser vos soins et un voyage sûr (article 9, paragraphe 2, h).
sar-why-recipients = Le HCR, les agents du programme, le médecin (données de santé uniquement), ainsi que le centre d’accueil, la commune et le groupe de parrainage qui vous accompagnent voient chacun la partie de vos données dont leur travail a besoin.
sar-why-retention = Nous conservons vos données pendant { $years } ans après la clôture de votre dossier. Ensuite, les noms, dates de naissance, données de santé et textes libres sont effacés.
sar-why-rights = Vous pouvez demander la correction de données erronées et introduire une plainte auprès de l’autorité de protection des données. Adressez-vous à votre agent de dossier.

sar-case-heading = Votre dossier
sar-field-state = Où en est votre dossier
sar-field-stage = Phase
sar-field-submitted = Soumis par le HCR le
sar-field-asylum = Pays d’asile
sar-field-nationality = Nationalité
sar-field-categories = Catégories de soumission
sar-field-priority = Priorité
sar-field-channel = Comment votre dossier a été soumis
sar-field-mission = Mission de sélection
sar-field-arrived = Arrivée le
sar-field-reception = Lieu d’accueil
sar-field-sponsor = Groupe de parrainage
sar-field-address = Adresse
sar-field-support = Accompagnement à l’intégration
sar-field-linked = Dossiers liés
sar-support = { $provider }, { $months } mois à partir du { $date }

sar-family-heading = Votre famille
sar-col-no = N°
sar-col-name = Nom
sar-col-born = Date de naissance
sar-col-sex = Sexe
sar-col-relationship = Lien de parenté
sar-col-languages = Langues
sar-col-education = Formation
sar-col-occupation = Profession

sar-promises-heading = Les dates que nous vous avons données
sar-col-kind = Pour
sar-col-date = Date
sar-col-given = Donnée le
sar-col-told = Vous avez été informés le
sar-col-change = Pourquoi la date précédente a changé

sar-reunification-heading = Proches restés au pays
sar-col-relative = Proche
sar-col-where = Où
sar-col-status = État
sar-col-requested = Demandé le
sar-col-decided = Décidé le

sar-health-heading = Votre santé
sar-health-note = Seul le médecin lit cette partie. Les autres ne voient que les besoins de soins que vous avez accepté de partager.
sar-col-member = Membre de la famille
sar-col-condition = Affection
sar-col-needs = Besoins de soins
sar-col-consent = Besoins de soins partageables
sar-col-fit = Apte au voyage
sar-fit-yes = apte au voyage
sar-fit-no = inapte au voyage
sar-fit-unknown = pas encore évalué

sar-steps-heading = Les étapes de votre dossier
sar-col-when = Date
sar-col-step = Étape
sar-col-by = Par
sar-col-why = Motif donné

sar-outcomes-heading = Suivi après l’arrivée
sar-col-months = Mois après l’arrivée
sar-col-work = Avait un emploi

sar-seen-heading = Qui a consulté ou modifié vos données
sar-seen-lead = Chaque fois que quelqu’un a ouvert, modifié ou exporté votre dossier, le programme l’a enregistré, du plus récent au plus ancien.
sar-col-who = Qui
sar-col-what = Quoi
sar-action-read = l’a consulté
sar-action-write = l’a modifié
sar-action-export = l’a exporté
sar-action-refused = s’est vu refuser l’accès

reunification-requested = en attente d’une décision
reunification-approved = approuvée
reunification-refused = refusée
reunification-reunited = réunis
