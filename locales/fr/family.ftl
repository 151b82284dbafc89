# La page de suivi de la famille (/family) et la lettre qui porte son code d’accès,
# français. Chaque message existe aussi en en, nl, ar et fa (un test compare les fichiers).

## Cadre de la page

nav-skip = Aller au contenu
nav-language = Langue
family-brand = Votre dossier
family-title = Votre dossier
family-footer = Cette page montre ce que le programme de réinstallation a enregistré sur votre dossier. Elle ne remplace pas un courrier du programme.
# Un jour écrit en toutes lettres ; $month va de 1 à 12.
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
duration-days = { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }
duration-months = { $n } mois

## Se connecter avec le code de la lettre

family-sign-in-title = Suivre votre dossier
family-sign-in-lead = Saisissez le numéro de dossier et le code d’accès figurant dans la lettre qui vous a été remise.
family-case-number = Numéro de dossier
family-code = Code d’accès
family-code-hint = Douze lettres et chiffres, comme sur votre lettre ; les tirets et les espaces ne comptent pas.
family-open = Ouvrir mon dossier
family-refused = Le numéro de dossier ou le code d’accès est erroné. Comparez-les avec votre lettre et réessayez.
family-too-many = Trop de codes erronés. Veuillez attendre { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } puis réessayer.
family-session-ended = Votre session a pris fin. Saisissez à nouveau votre numéro de dossier et votre code.
family-sign-out = Se déconnecter
family-signed-out = Vous êtes déconnecté.
family-error = Un problème est survenu de notre côté. Veuillez réessayer plus tard.

## Où en est le dossier

family-case = Numéro de dossier
family-now-title = Où en est votre dossier
family-since = Depuis le { $date } ({ $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }).
family-next-title = Prochaine étape
family-promised = { $kind ->
        [interview] Date de votre entretien : { $date }.
       *[departure] Votre date de départ : { $date }.
    }
family-promised-passed = { $kind ->
        [interview] La date d’entretien qui vous a été donnée, le { $date }, est passée, et aucune nouvelle date n’a encore été fixée.
       *[departure] La date de départ qui vous a été donnée, le { $date }, est passée, et aucune nouvelle date n’a encore été fixée.
    }
family-promised-held = Elle tombe pendant la suspension du programme et ne peut pas être maintenue.

## L’estimation

family-estimate-title = Estimation, pas une promesse
family-estimate-range = Probablement dans { $low } à { $high }.
family-estimate-half = Probablement dans { $low } ou plus.
family-estimate-basis = Sur { $cases } familles dans une situation comme la vôtre (même programme, même type de procédure, même urgence, même pays) qui avaient déjà attendu aussi longtemps que vous, la moitié a atteint l’étape suivante en { $low } au plus, et neuf sur dix en { $high } au plus.
family-estimate-basis-half = Sur { $cases } familles dans une situation comme la vôtre qui avaient déjà attendu aussi longtemps que vous, la moitié a atteint l’étape suivante en { $low } au plus ; trop attendent encore pour en dire plus.
family-estimate-unknown = Sur { $cases } familles dans une situation comme la vôtre qui avaient déjà attendu aussi longtemps que vous, plus de la moitié attendent encore : aucune estimation n’est encore possible.
family-estimate-not-ready = L’estimation est en préparation ; revenez dans quelques minutes.
family-estimate-too-few = Moins de 20 familles dans une situation comme la vôtre ont attendu aussi longtemps : trop peu pour une estimation.
family-estimate-not-a-promise = Ce calcul vient de ce qu’ont vécu d’autres familles. Ce n’est pas une date qui vous a été donnée ; la vôtre peut venir plus tôt ou plus tard.

## Suspensions et dates qui ont changé

family-holds-title = Le programme est suspendu
family-hold-current = Le programme est suspendu du { $from } au { $until } : aucune famille ne voyage pendant cette période.
family-hold-coming = Le programme sera suspendu du { $from } au { $until } : aucune famille ne voyagera pendant cette période.
family-hold-breaks = { $kind ->
        [interview] La date de votre entretien tombe pendant cette période et ne peut pas être maintenue. Une nouvelle date vous sera donnée.
       *[departure] Votre date de départ tombe pendant cette période et ne peut pas être maintenue. Une nouvelle date vous sera donnée.
    }
family-reason = Motif :
family-reason-not-given = Le motif n’a pas été enregistré dans des mots que nous pouvons traduire ; demandez-le au contact ci-dessous.
family-slips-title = Dates qui ont changé
family-slip = { $kind ->
        [interview] La date de votre entretien est passée du { $old } au { $new } (décision du { $on }).
       *[departure] Votre date de départ est passée du { $old } au { $new } (décision du { $on }).
    }

## Ce que le programme dit à chaque famille

family-advice-title = Ce qu’il ne faut pas encore faire
family-contact-title = À qui vous adresser

## L’historique

timeline-title = Votre dossier jusqu’ici
timeline-opened = { $to }
timeline-moved = { $to }
timeline-by = par { $actor }
timeline-why = Pourquoi :
timeline-member = membre { $number }
step_data-departure_date = date de départ
step_data-promised_date = la date qui vous avait été donnée

## Les étapes

state-submitted = Présenté par le HCR
state-scheduled_for_mission = Entretien prévu avec une mission de sélection
state-dossier_review = Votre dossier est à l’étude
state-interviewed = Entretien passé ; en attente de la décision
state-accepted = Accepté
state-accepted_in_part = Accepté pour une partie de la famille
state-refused = Non accepté
state-deferred = Décision reportée
state-pre_departure = Préparation de votre voyage
state-departure_scheduled = Date de départ fixée
state-arrived = Arrivés
state-in_reception = Dans un centre d’accueil
state-housed = Dans votre propre logement
state-integration_support = Accompagnement à l’intégration
state-closed = Dossier clos
state-withdrawn = Dossier retiré
state-deceased = Dossier clos après le décès du demandeur principal

## Ce qui suit chaque étape

next-submitted = Le programme décide comment votre dossier sera étudié : un entretien avec une mission de sélection, ou l’examen de votre dossier.
next-scheduled_for_mission = Votre entretien avec la mission de sélection.
next-dossier_review = La décision sur votre dossier.
next-interviewed = La décision sur votre dossier.
next-deferred = Votre dossier est étudié à nouveau : un entretien ou l’examen de votre dossier.
next-accepted = La préparation de votre voyage : documents de voyage, examen médical et séances d’orientation.
next-accepted_in_part = La préparation de votre voyage : documents de voyage, examen médical et séances d’orientation.
next-pre_departure = Une date de départ.
next-departure_scheduled = Votre voyage et votre arrivée.
next-arrived = Votre premier lieu de séjour : un centre d’accueil ou votre logement.
next-in_reception = Votre propre logement.
next-housed = L’accompagnement à l’intégration.
next-integration_support = La fin de votre accompagnement.

## La lettre avec le code d’accès

letter-title = Comment suivre votre dossier
letter-greeting = Chère famille,
letter-body = Vous pouvez suivre votre dossier de réinstallation sur internet, dans votre langue. La page montre où en est votre dossier, chaque étape jusqu’ici avec sa date, les dates qui vous ont été données et une estimation pour l’étape suivante. Ouvrez l’adresse ci-dessous et saisissez votre numéro de dossier et votre code d’accès.
letter-address = Adresse
letter-keep = Gardez ce code pour vous : qui le possède peut voir où en est votre dossier. Si vous le perdez, ou pensez que quelqu’un d’autre le connaît, demandez-en un nouveau ; l’ancien cesse alors de fonctionner.
letter-issued = Remise le { $date }.

## Entretien de bien-être (issue 25)
family-checkin-title = Comment ça va ?
family-checkin-lead = { $months } mois après votre arrivée, nous vous demandons comment va votre famille. Vos réponses aident ceux qui vous accompagnent et, comptées avec celles des autres familles et jamais sous votre nom, montrent au programme ce qu’il faut améliorer.
family-checkin-housing = Votre logement
family-checkin-own-home = Nous vivons dans notre propre logement
family-checkin-own-kitchen = Nous avons notre propre cuisine
family-checkin-own-shower = Nous avons notre propre douche
family-checkin-rooms = Nombre de pièces (sans cuisine ni salle de bain)
family-checkin-language = Un adulte de notre famille suit un cours de langue
family-checkin-school = École
family-checkin-child-in-school = L’enfant numéro { $member } ({ $age } ans) va à l’école
family-checkin-work = Travail
family-checkin-adult-works = L’adulte numéro { $member } ({ $age } ans) a un travail ou suit une formation
family-checkin-adult-match = Le travail de l’adulte numéro { $member } correspond à sa formation et à son expérience
family-checkin-health = Soins de santé (seul le personnel qui en a besoin peut lire ces réponses)
family-checkin-doctor = Nous sommes inscrits chez un médecin
family-checkin-care = Nous recevons des soins quand nous en avons besoin
family-checkin-health-skip = Je préfère ne pas répondre aux questions sur la santé
family-checkin-relatives = Membres de la famille encore à l’étranger qui attendent de vous rejoindre
family-checkin-feeling = Comment trouvez-vous que les choses se passent ?
family-checkin-feeling-1 = très mal
family-checkin-feeling-2 = mal
family-checkin-feeling-3 = moyennement
family-checkin-feeling-4 = bien
family-checkin-feeling-5 = très bien
family-checkin-consent = Nous acceptons que nos réponses soient conservées et lues par ceux qui nous accompagnent
family-checkin-send = Envoyer nos réponses
family-checkin-thanks = Merci. Vos réponses ont été enregistrées.
family-checkin-refused = Vos réponses n’ont pas pu être enregistrées. Vérifiez-les et réessayez.
family-checkin-refused-rooms = Vos réponses n’ont pas pu être enregistrées : indiquez le nombre de pièces de votre logement, au moins 1.
family-checkin-refused-relatives = Vos réponses n’ont pas pu être enregistrées : le nombre de membres de la famille encore à l’étranger est trop élevé. Vérifiez-le.
family-checkin-refused-feeling = Vos réponses n’ont pas pu être enregistrées : choisissez comment vous trouvez que les choses se passent.
family-checkin-no-consent = Vos réponses ne sont conservées qu’avec votre accord : cochez la case à la fin du formulaire.
