# Berichten aan gezinnen (e-mail en sms). Een bericht zegt alleen dat er nieuws is, met het
# dossiernummer en het adres van de gezinspagina: nooit een naam, een datum of een reden.
notice-subject = Nieuws over uw hervestigingsdossier { $case }
notice-body =
    Er is nieuws over uw hervestigingsdossier { $case }.
    Lees het op uw gezinspagina: { $link }
    Open de pagina met uw dossiernummer en de toegangscode uit uw brief.
notice-sms = Nieuws over uw hervestigingsdossier { $case }: { $link }
