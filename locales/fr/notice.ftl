# Avis aux familles (e-mail et SMS). Un avis dit seulement qu'il y a du nouveau, avec le
# numéro de dossier et l'adresse de la page de la famille : jamais un nom, une date ni un motif.
notice-subject = Du nouveau dans votre dossier de réinstallation { $case }
notice-body =
    Il y a du nouveau dans votre dossier de réinstallation { $case }.
    Lisez-le sur votre page familiale : { $link }
    Ouvrez la page avec votre numéro de dossier et le code d'accès de votre lettre.
notice-sms = Du nouveau dans votre dossier de réinstallation { $case } : { $link }
