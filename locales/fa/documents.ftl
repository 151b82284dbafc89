# اسنادی که خانواده می‌خواند: خروجی حق دسترسی (مادهٔ 15 مقررات عمومی حفاظت از داده‌ها). فارسی.
# صفحه‌های کارکنان به فارسی نیست، پس این پرونده واژه‌های رمزها را هم در خود دارد.

date = { $day } { $month ->
        [1] ژانویه
        [2] فوریه
        [3] مارس
        [4] آوریل
        [5] مه
        [6] ژوئن
        [7] ژوئیه
        [8] اوت
        [9] سپتامبر
        [10] اکتبر
        [11] نوامبر
       *[12] دسامبر
    } { $year }

doc-page = صفحه
doc-page-of = از
doc-none = چیزی ثبت نشده است.
doc-since = نگهداری‌شده از { $date }.
doc-yes = بله
doc-no = خیر

sar-title = اطلاعات شخصی شما نزد برنامهٔ اسکان مجدد
sar-subtitle = پروندهٔ { $case }
sar-intro = این سند همهٔ آنچه را که { $programme } دربارهٔ خانوادهٔ شما نگه می‌دارد فهرست می‌کند: چه اطلاعاتی، چرا، از چه زمانی، و چه کسانی آن را دیده‌اند. شما طبق مادهٔ 15 مقررات عمومی حفاظت از داده‌ها (GDPR) حق دریافت آن را دارید.

sar-about-heading = دربارهٔ این سند
sar-field-case = شمارهٔ پرونده
sar-field-programme = برنامه
sar-field-made-on = تاریخ تهیه
sar-field-made-by = تهیه‌کننده

sar-why-heading = چرا اطلاعات شما را نگه می‌داریم
sar-why-purpose = ما اطلاعات شما را نگه می‌داریم تا دربارهٔ اسکان مجدد شما تصمیم بگیریم، سفرتان را آماده کنیم، از شما پذیرایی کنیم و تا { $months } ماه پس از رسیدنتان از خانواده‌تان حمایت کنیم.
sar-why-basis = این کار وظیفه‌ای در راستای منافع عمومی است (مادهٔ 6، بند 1، جزء e مقررات). اطلاعات سلامت را فقط برای ترتیب دادن مراقبت و سفر امن شما پردازش می‌کنیم (مادهٔ 9، بند 2، جزء h).
sar-why-recipients = کمیساریای عالی سازمان ملل متحد در امور پناهندگان، کارکنان برنامه، پزشک مسئول (فقط اطلاعات سلامت)، و مرکز پذیرش، شهرداری و گروه حامی‌ای که از شما پشتیبانی می‌کنند، هر یک فقط بخشی از اطلاعات شما را می‌بینند که کارشان به آن نیاز دارد.
sar-why-retention = ما اطلاعات شما را تا { $years } سال پس از بسته شدن پرونده‌تان نگه می‌داریم. پس از آن نام‌ها، تاریخ‌های تولد، اطلاعات سلامت و متن‌های آزاد پاک می‌شوند.
sar-why-rights = می‌توانید درخواست کنید اطلاعات نادرست اصلاح شود، و می‌توانید به مرجع حفاظت از داده‌ها شکایت کنید. از مسئول پروندهٔ خود بپرسید.

sar-case-heading = پروندهٔ شما
sar-field-state = وضعیت پروندهٔ شما
sar-field-stage = مرحله
sar-field-submitted = تاریخ معرفی از سوی کمیساریا
sar-field-asylum = کشور پناهندگی
sar-field-nationality = تابعیت
sar-field-categories = دسته‌های معرفی
sar-field-priority = اولویت
sar-field-channel = نحوهٔ معرفی پرونده
sar-field-mission = مأموریت گزینش
sar-field-arrived = تاریخ رسیدن
sar-field-reception = محل پذیرش
sar-field-sponsor = گروه حامی
sar-field-address = نشانی منزل
sar-field-support = حمایت برای ادغام
sar-field-linked = پرونده‌های مرتبط
sar-support = { $provider }، { $months } ماه از { $date }

sar-family-heading = خانوادهٔ شما
sar-col-no = شماره
sar-col-name = نام
sar-col-born = تاریخ تولد
sar-col-sex = جنس
sar-col-relationship = نسبت
sar-col-languages = زبان‌ها
sar-col-education = تحصیلات
sar-col-occupation = شغل

sar-promises-heading = تاریخ‌هایی که به شما دادیم
sar-col-kind = برای
sar-col-date = تاریخ
sar-col-given = داده‌شده در
sar-col-told = به شما اطلاع داده شد در
sar-col-change = چرا تاریخ قبلی تغییر کرد

sar-reunification-heading = خویشاوندانی که جا مانده‌اند
sar-col-relative = خویشاوند
sar-col-where = کجا
sar-col-status = وضعیت
sar-col-requested = تاریخ درخواست
sar-col-decided = تاریخ تصمیم

sar-health-heading = سلامت شما
sar-health-note = فقط پزشک مسئول این بخش را می‌خواند. دیگران فقط نیازهای مراقبتی را می‌بینند که شما اجازهٔ اشتراک آن را داده‌اید.
sar-col-member = عضو خانواده
sar-col-condition = بیماری یا وضعیت سلامت
sar-col-needs = نیازهای مراقبتی
sar-col-consent = اجازهٔ اشتراک نیازهای مراقبتی
sar-col-fit = آمادگی برای سفر
sar-fit-yes = آمادهٔ سفر
sar-fit-no = آمادهٔ سفر نیست
sar-fit-unknown = هنوز ارزیابی نشده

sar-steps-heading = مراحل پروندهٔ شما
sar-col-when = تاریخ
sar-col-step = مرحله
sar-col-by = توسط
sar-col-why = دلیل ذکرشده

sar-outcomes-heading = پیگیری پس از رسیدن
sar-col-months = ماه پس از رسیدن
sar-col-work = کار داشت

sar-seen-heading = چه کسانی اطلاعات شما را دیده یا تغییر داده‌اند
sar-seen-lead = هر بار که کسی پروندهٔ شما را باز کرد، تغییر داد یا خروجی گرفت، برنامه آن را ثبت کرد؛ جدیدترین در آغاز.
sar-col-who = چه کسی
sar-col-what = چه کاری
sar-action-read = آن را دید
sar-action-write = آن را تغییر داد
sar-action-export = از آن خروجی گرفت
sar-action-refused = دسترسی‌اش رد شد

reunification-requested = در انتظار تصمیم
reunification-approved = پذیرفته شد
reunification-refused = رد شد
reunification-reunited = به هم پیوستند

state-submitted = معرفی‌شده
state-scheduled_for_mission = در برنامهٔ مأموریت گزینش
state-dossier_review = بررسی پرونده
state-interviewed = مصاحبه‌شده
state-accepted = پذیرفته‌شده
state-accepted_in_part = بخشی پذیرفته‌شده
state-refused = ردشده
state-deferred = به تعویق افتاده
state-pre_departure = آماده‌سازی سفر
state-departure_scheduled = تاریخ سفر تعیین‌شده
state-arrived = رسیده
state-in_reception = در پذیرش
state-housed = دارای مسکن
state-integration_support = حمایت برای ادغام
state-closed = بسته‌شده
state-withdrawn = پس‌گرفته‌شده
state-deceased = درگذشته

stage-assessment = ارزیابی
stage-pre_departure = پیش از سفر
stage-travel = سفر
stage-reception = پذیرش
stage-integration = ادغام
stage-ended = پایان‌یافته

category-legal_physical_protection = نیازهای حمایت حقوقی و/یا جسمی
category-survivor_of_violence_torture = بازماندگان خشونت و/یا شکنجه
category-medical_needs = نیازهای پزشکی
category-women_and_girls_at_risk = زنان و دختران در معرض خطر
category-family_reunification = پیوستن خانواده
category-children_at_risk = کودکان و نوجوانان در معرض خطر
category-no_alternative_durable_solution = نبود راه‌حل پایدار دیگر در آیندهٔ نزدیک

priority-emergency = اضطراری
priority-urgent = فوری
priority-normal = عادی

channel-mission = مأموریت گزینش
channel-dossier = معرفی پرونده

relationship-principal_applicant = متقاضی اصلی
relationship-spouse = همسر
relationship-child = فرزند
relationship-parent = پدر یا مادر
relationship-sibling = برادر یا خواهر
relationship-grandchild = نوه
relationship-other_dependant = دیگر افراد تحت تکفل

sex-female = زن
sex-male = مرد
sex-other = دیگر

care_need-wheelchair_access = دسترسی با ویلچر
care_need-specialised_hospital_care = مراقبت تخصصی بیمارستانی
care_need-mental_health_support = حمایت سلامت روان
care_need-regular_treatment = درمان منظم

promise-interview = مصاحبه
promise-departure = سفر

language-ar = عربی
language-bfa = باری
language-din = دینکا
language-nus = نوئر
language-en = انگلیسی
language-fa = فارسی
language-fr = فرانسوی
language-ku = کردی
language-ln = لینگالا
language-ps = پشتو
language-rn = کیروندی
language-rw = کینیارواندا
language-sw = سواحیلی
language-ti = تیگرینیا
language-tr = ترکی
language-ur = اردو

country-AF = افغانستان
country-BI = بوروندی
country-CD = جمهوری دموکراتیک کنگو
country-EG = مصر
country-ER = اریتره
country-ET = اتیوپی
country-IQ = عراق
country-IR = ایران
country-JO = اردن
country-LB = لبنان
country-LY = لیبی
country-NE = نیجر
country-PK = پاکستان
country-RW = رواندا
country-SD = سودان
country-SO = سومالی
country-SS = سودان جنوبی
country-SY = سوریه
country-TR = ترکیه
country-TZ = تانزانیا
country-UG = اوگاندا
country-YE = یمن
country-AT = اتریش
country-BE = بلژیک
country-BG = بلغارستان
country-CH = سوئیس
country-CY = قبرس
country-CZ = چک
country-DE = آلمان
country-DK = دانمارک
country-EE = استونی
country-ES = اسپانیا
country-FI = فنلاند
country-FR = فرانسه
country-GB = بریتانیا
country-GR = یونان
country-HR = کرواسی
country-HU = مجارستان
country-IE = ایرلند
country-IS = ایسلند
country-IT = ایتالیا
country-LI = لیختن‌اشتاین
country-LT = لیتوانی
country-LU = لوکزامبورگ
country-LV = لتونی
country-MT = مالت
country-NL = هلند
country-NO = نروژ
country-PL = لهستان
country-PT = پرتغال
country-RO = رومانی
country-SE = سوئد
country-SI = اسلوونی
country-SK = اسلواکی
country-UK = بریتانیا
