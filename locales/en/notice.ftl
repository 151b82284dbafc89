# Notices to families (e-mail and SMS). A notice says only that there is news, with the
# case number and the family page's address: never a name, a date or a reason.
notice-subject = News about your resettlement case { $case }
notice-body =
    There is news about your resettlement case { $case }.
    Read it on your family page: { $link }
    Open the page with your case number and the access code in your letter.
notice-sms = News about your resettlement case { $case }: { $link }
