# وثائق تقرؤها الأسرة: تصدير حق الاطلاع (المادة 15 من اللائحة العامة لحماية البيانات). العربية.
# لا توجد صفحات موظفين بالعربية، لذا يحمل هذا الملف أيضًا الكلمات الخاصة بالرموز.

date = { $day } { $month ->
        [1] يناير
        [2] فبراير
        [3] مارس
        [4] أبريل
        [5] مايو
        [6] يونيو
        [7] يوليو
        [8] أغسطس
        [9] سبتمبر
        [10] أكتوبر
        [11] نوفمبر
       *[12] ديسمبر
    } { $year }

doc-page = صفحة
doc-page-of = من
doc-none = لا يوجد شيء مسجّل.
doc-since = محفوظة منذ { $date }.
doc-yes = نعم
doc-no = لا

sar-title = بياناتك الشخصية لدى برنامج إعادة التوطين
sar-subtitle = الملف { $case }
sar-intro = تعرض هذه الوثيقة كل ما يحتفظ به { $programme } عن أسرتك: ما هي البيانات، ولماذا، ومنذ متى، ومن اطّلع عليها. يحق لك الحصول عليها بموجب المادة 15 من اللائحة العامة لحماية البيانات (GDPR).

sar-about-heading = عن هذه الوثيقة
sar-field-case = رقم الملف
sar-field-programme = البرنامج
sar-field-made-on = تاريخ الإعداد
sar-field-made-by = أعدّها

sar-why-heading = لماذا نحتفظ ببياناتك
sar-why-purpose = نحتفظ ببياناتك لنقرّر بشأن إعادة توطينك، ونحضّر لسفرك، ونستقبلك، وندعم أسرتك مدة { $months } شهرًا بعد وصولك.
sar-why-basis = نقوم بذلك أداءً لمهمة تخدم المصلحة العامة (المادة 6، الفقرة 1، البند هـ من اللائحة). ولا نعالج البيانات الصحية إلا لتنظيم رعايتك وسفرك الآمن (المادة 9، الفقرة 2، البند ح).
sar-why-recipients = تطّلع المفوضية السامية للأمم المتحدة لشؤون اللاجئين، وموظفو البرنامج، والطبيب المسؤول (البيانات الصحية فقط)، ومركز الاستقبال والبلدية ومجموعة الكفالة التي تدعمك، كلٌّ على الجزء من بياناتك الذي يحتاجه عمله.
sar-why-retention = نحتفظ ببياناتك مدة { $years } سنوات بعد إغلاق ملفك، ثم تُحذف الأسماء وتواريخ الميلاد والبيانات الصحية والنصوص الحرة.
sar-why-rights = يمكنك أن تطلب تصحيح البيانات الخاطئة، ويمكنك تقديم شكوى إلى هيئة حماية البيانات. اسأل الموظف المسؤول عن ملفك.

sar-case-heading = ملفك
sar-field-state = أين وصل ملفك
sar-field-stage = المرحلة
sar-field-submitted = قدّمته المفوضية في
sar-field-asylum = بلد اللجوء
sar-field-nationality = الجنسية
sar-field-categories = فئات التقديم
sar-field-priority = الأولوية
sar-field-channel = طريقة تقديم ملفك
sar-field-mission = بعثة الاختيار
sar-field-arrived = تاريخ الوصول
sar-field-reception = مكان الاستقبال
sar-field-sponsor = مجموعة الكفالة
sar-field-address = عنوان السكن
sar-field-support = دعم الاندماج
sar-field-linked = ملفات ذات صلة
sar-support = { $provider }، { $months } شهرًا ابتداءً من { $date }

sar-family-heading = أسرتك
sar-col-no = الرقم
sar-col-name = الاسم
sar-col-born = تاريخ الميلاد
sar-col-sex = الجنس
sar-col-relationship = صلة القرابة
sar-col-languages = اللغات
sar-col-education = التعليم
sar-col-occupation = المهنة

sar-promises-heading = المواعيد التي أعطيناك إياها
sar-col-kind = من أجل
sar-col-date = التاريخ
sar-col-given = أُعطي في
sar-col-told = أُبلغتم في
sar-col-change = سبب تغيير الموعد السابق

sar-reunification-heading = الأقارب الذين لم يرافقوكم
sar-col-relative = القريب
sar-col-where = أين
sar-col-status = الحالة
sar-col-requested = تاريخ الطلب
sar-col-decided = تاريخ القرار

sar-health-heading = صحتك
sar-health-note = لا يقرأ هذا الجزء إلا الطبيب المسؤول. أما الآخرون فلا يرون إلا احتياجات الرعاية التي وافقت على مشاركتها.
sar-col-member = فرد الأسرة
sar-col-condition = الحالة الصحية
sar-col-needs = احتياجات الرعاية
sar-col-consent = يجوز مشاركة احتياجات الرعاية
sar-col-fit = اللياقة للسفر
sar-fit-yes = لائق للسفر
sar-fit-no = غير لائق للسفر
sar-fit-unknown = لم يُقيَّم بعد

sar-steps-heading = مراحل ملفك
sar-col-when = التاريخ
sar-col-step = الخطوة
sar-col-by = بواسطة
sar-col-why = السبب المذكور

sar-outcomes-heading = المتابعة بعد الوصول
sar-col-months = أشهر بعد الوصول
sar-col-work = كان لديه عمل

sar-seen-heading = من اطّلع على بياناتك أو غيّرها
sar-seen-lead = في كل مرة فتح فيها أحدٌ ملفك أو غيّره أو صدّره، سجّل البرنامج ذلك، والأحدث أولًا.
sar-col-who = مَن
sar-col-what = ماذا
sar-action-read = اطّلع عليه
sar-action-write = غيّره
sar-action-export = صدّره
sar-action-refused = رُفض وصوله

reunification-requested = بانتظار قرار
reunification-approved = تمت الموافقة
reunification-refused = مرفوض
reunification-reunited = تمّ لمّ الشمل

state-submitted = مقدَّم
state-scheduled_for_mission = مُدرج في بعثة اختيار
state-dossier_review = دراسة الملف
state-interviewed = أُجريت المقابلة
state-accepted = مقبول
state-accepted_in_part = مقبول جزئيًا
state-refused = مرفوض
state-deferred = مؤجَّل
state-pre_departure = التحضير للسفر
state-departure_scheduled = موعد السفر محدَّد
state-arrived = وصل
state-in_reception = في الاستقبال
state-housed = في مسكن
state-integration_support = دعم الاندماج
state-closed = مغلق
state-withdrawn = مسحوب
state-deceased = متوفى

stage-assessment = التقييم
stage-pre_departure = قبل السفر
stage-travel = السفر
stage-reception = الاستقبال
stage-integration = الاندماج
stage-ended = انتهى

category-legal_physical_protection = احتياجات الحماية القانونية و/أو الجسدية
category-survivor_of_violence_torture = ناجون من العنف و/أو التعذيب
category-medical_needs = احتياجات طبية
category-women_and_girls_at_risk = نساء وفتيات معرّضات للخطر
category-family_reunification = لمّ شمل الأسرة
category-children_at_risk = أطفال ومراهقون معرّضون للخطر
category-no_alternative_durable_solution = انعدام حلول دائمة بديلة في المستقبل المنظور

priority-emergency = طارئة
priority-urgent = عاجلة
priority-normal = عادية

channel-mission = بعثة اختيار
channel-dossier = تقديم الملف

relationship-principal_applicant = مقدّم الطلب الرئيسي
relationship-spouse = زوج أو زوجة
relationship-child = ابن أو ابنة
relationship-parent = أب أو أم
relationship-sibling = أخ أو أخت
relationship-grandchild = حفيد أو حفيدة
relationship-other_dependant = معال آخر

sex-female = أنثى
sex-male = ذكر
sex-other = آخر

care_need-wheelchair_access = وصول بكرسي متحرك
care_need-specialised_hospital_care = رعاية متخصصة في المستشفى
care_need-mental_health_support = دعم الصحة النفسية
care_need-regular_treatment = علاج منتظم

promise-interview = المقابلة
promise-departure = السفر

language-ar = العربية
language-bfa = الباري
language-din = الدينكا
language-nus = النوير
language-en = الإنجليزية
language-fa = الفارسية
language-fr = الفرنسية
language-ku = الكردية
language-ln = اللينغالا
language-ps = البشتو
language-rn = الكيروندية
language-rw = الكينيارواندية
language-sw = السواحيلية
language-ti = التغرينية
language-tr = التركية
language-ur = الأردية

country-AF = أفغانستان
country-BI = بوروندي
country-CD = جمهورية الكونغو الديمقراطية
country-EG = مصر
country-ER = إريتريا
country-ET = إثيوبيا
country-IQ = العراق
country-IR = إيران
country-JO = الأردن
country-LB = لبنان
country-LY = ليبيا
country-NE = النيجر
country-PK = باكستان
country-RW = رواندا
country-SD = السودان
country-SO = الصومال
country-SS = جنوب السودان
country-SY = سوريا
country-TR = تركيا
country-TZ = تنزانيا
country-UG = أوغندا
country-YE = اليمن
country-AT = النمسا
country-BE = بلجيكا
country-BG = بلغاريا
country-CH = سويسرا
country-CY = قبرص
country-CZ = التشيك
country-DE = ألمانيا
country-DK = الدنمارك
country-EE = إستونيا
country-ES = إسبانيا
country-FI = فنلندا
country-FR = فرنسا
country-GB = المملكة المتحدة
country-GR = اليونان
country-HR = كرواتيا
country-HU = المجر
country-IE = أيرلندا
country-IS = آيسلندا
country-IT = إيطاليا
country-LI = ليختنشتاين
country-LT = ليتوانيا
country-LU = لوكسمبورغ
country-LV = لاتفيا
country-MT = مالطا
country-NL = هولندا
country-NO = النرويج
country-PL = بولندا
country-PT = البرتغال
country-RO = رومانيا
country-SE = السويد
country-SI = سلوفينيا
country-SK = سلوفاكيا
country-UK = المملكة المتحدة
