# صفحة متابعة العائلة لملفها (/family) والرسالة التي تحمل رمز الدخول، بالعربية.
# كل رسالة هنا موجودة أيضًا في en وnl وfr وfa (يقارن اختبارٌ الملفات).
# الأرقام والتواريخ تُكتب بالأرقام العربية المشرقية (٠١٢٣…) عند العرض.

## إطار الصفحة

nav-skip = انتقل إلى المحتوى
nav-language = اللغة
family-brand = ملفكم
family-title = ملفكم
family-footer = تعرض هذه الصفحة ما سجّله برنامج إعادة التوطين عن ملفكم، وهي لا تحلّ محلّ رسالة من البرنامج.
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
duration-days = { $n ->
        [zero] أقل من يوم
        [one] يوم واحد
        [two] يومين
        [few] { $n } أيام
        [many] { $n } يومًا
       *[other] { $n } يوم
    }
duration-months = { $n ->
        [one] شهر واحد
        [two] شهرين
        [few] { $n } أشهر
        [many] { $n } شهرًا
       *[other] { $n } شهر
    }

## الدخول برمز الرسالة

family-sign-in-title = تابعوا ملفكم
family-sign-in-lead = أدخلوا رقم الملف ورمز الدخول المذكورين في الرسالة التي استلمتموها.
family-case-number = رقم الملف
family-code = رمز الدخول
family-code-hint = اثنا عشر حرفًا ورقمًا كما في رسالتكم؛ لا تهمّ الشرطات ولا المسافات.
family-open = افتح ملفي
family-refused = رقم الملف أو رمز الدخول غير صحيح. قارنوهما بما في رسالتكم وحاولوا مرة أخرى.
family-too-many = أُدخلت رموز خاطئة كثيرة. يُرجى الانتظار { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    } ثم المحاولة مرة أخرى.
family-session-ended = انتهت جلستكم. أدخلوا رقم الملف والرمز مرة أخرى.
family-sign-out = تسجيل الخروج
family-signed-out = لقد سجّلتم الخروج.
family-error = حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى لاحقًا.

## أين وصل الملف

family-case = رقم الملف
family-now-title = أين وصل ملفكم
family-since = منذ { $date } ({ $days ->
        [zero] أقل من يوم
        [one] يوم واحد
        [two] يومان
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }).
family-next-title = الخطوة التالية
family-promised = { $kind ->
        [interview] موعد مقابلتكم: { $date }.
       *[departure] موعد سفركم: { $date }.
    }
family-promised-passed = { $kind ->
        [interview] مضى موعد المقابلة الذي أُعطي لكم ({ $date }) ولم يُحدَّد موعد جديد بعد.
       *[departure] مضى موعد السفر الذي أُعطي لكم ({ $date }) ولم يُحدَّد موعد جديد بعد.
    }
family-promised-held = يقع هذا الموعد خلال توقّف البرنامج، فلا يمكن الالتزام به.

## التقدير

family-estimate-title = تقدير، وليس وعدًا
family-estimate-range = على الأرجح خلال { $low } إلى { $high }.
family-estimate-half = على الأرجح خلال { $low } أو أكثر.
family-estimate-basis = من بين { $cases ->
        [one] عائلة واحدة
        [two] عائلتين
        [few] { $cases } عائلات
        [many] { $cases } عائلة
       *[other] { $cases } عائلة
    } في وضع يشبه وضعكم (البرنامج نفسه، ونوع الإجراء نفسه، ودرجة الاستعجال نفسها، والبلد نفسه) كانت قد انتظرت المدة التي انتظرتموها، وصلت نصفها إلى الخطوة التالية خلال { $low }، ووصلت تسع عائلات من كل عشر خلال { $high }.
family-estimate-basis-half = من بين { $cases ->
        [one] عائلة واحدة
        [two] عائلتين
        [few] { $cases } عائلات
        [many] { $cases } عائلة
       *[other] { $cases } عائلة
    } في وضع يشبه وضعكم كانت قد انتظرت المدة التي انتظرتموها، وصلت نصفها إلى الخطوة التالية خلال { $low }؛ وما زال كثير منها ينتظر، فلا يمكن قول المزيد.
family-estimate-unknown = من بين { $cases ->
        [one] عائلة واحدة
        [two] عائلتين
        [few] { $cases } عائلات
        [many] { $cases } عائلة
       *[other] { $cases } عائلة
    } في وضع يشبه وضعكم كانت قد انتظرت المدة التي انتظرتموها، ما زال أكثر من نصفها ينتظر: لا يمكن تقديم تقدير بعد.
family-estimate-not-ready = يجري إعداد التقدير؛ عودوا بعد بضع دقائق.
family-estimate-too-few = أقل من ٢٠ عائلة في وضع يشبه وضعكم انتظرت هذه المدة: العدد قليل جدًا لتقديم تقدير.
family-estimate-not-a-promise = هذا التقدير محسوب مما حدث لعائلات أخرى، وليس موعدًا أُعطي لكم؛ فقد يأتي موعدكم قبل ذلك أو بعده.

## توقّف البرنامج والمواعيد التي تغيّرت

family-holds-title = البرنامج متوقف
family-hold-current = البرنامج متوقف من { $from } إلى { $until }: لا تسافر أي عائلة خلال هذه الفترة.
family-hold-coming = سيتوقف البرنامج من { $from } إلى { $until }: لن تسافر أي عائلة خلال هذه الفترة.
family-hold-breaks = { $kind ->
        [interview] يقع موعد مقابلتكم خلال هذه الفترة ولا يمكن الالتزام به. سيُحدَّد لكم موعد جديد.
       *[departure] يقع موعد سفركم خلال هذه الفترة ولا يمكن الالتزام به. سيُحدَّد لكم موعد جديد.
    }
family-reason = السبب:
family-reason-not-given = لم يُسجَّل السبب بكلمات يمكننا ترجمتها؛ اسألوا جهة الاتصال المذكورة أدناه.
family-slips-title = مواعيد تغيّرت
family-slip = { $kind ->
        [interview] تغيّر موعد مقابلتكم من { $old } إلى { $new } (بقرار بتاريخ { $on }).
       *[departure] تغيّر موعد سفركم من { $old } إلى { $new } (بقرار بتاريخ { $on }).
    }

## ما يقوله البرنامج لكل عائلة

family-advice-title = ما لا ينبغي فعله بعد
family-contact-title = بمن تتصلون

## مسار الملف

timeline-title = مسار ملفكم حتى الآن
timeline-opened = { $to }
timeline-moved = { $to }
timeline-by = بواسطة { $actor }
timeline-why = السبب:
timeline-member = الفرد رقم { $number }
step_data-departure_date = موعد السفر
step_data-promised_date = الموعد الذي كان قد أُعطي لكم

## الخطوات

state-submitted = قدّمت المفوضية (UNHCR) ملفكم
state-scheduled_for_mission = مقابلة مقرّرة مع بعثة الاختيار
state-dossier_review = ملفكم قيد الدراسة
state-interviewed = أُجريت المقابلة، بانتظار القرار
state-accepted = قُبل ملفكم
state-accepted_in_part = قُبل ملفكم لجزء من العائلة
state-refused = لم يُقبل ملفكم
state-deferred = أُجِّل القرار
state-pre_departure = التحضير لسفركم
state-departure_scheduled = تحدّد موعد السفر
state-arrived = وصلتم
state-in_reception = في مركز استقبال
state-housed = في مسكنكم الخاص
state-integration_support = دعم الاندماج
state-closed = أُغلق الملف
state-withdrawn = سُحب الملف
state-deceased = أُغلق الملف بعد وفاة مقدّم الطلب الرئيسي

## ما يأتي بعد كل خطوة

next-submitted = يقرّر البرنامج طريقة دراسة ملفكم: مقابلة مع بعثة اختيار، أو دراسة ملفكم المكتوب.
next-scheduled_for_mission = مقابلتكم مع بعثة الاختيار.
next-dossier_review = القرار بشأن ملفكم.
next-interviewed = القرار بشأن ملفكم.
next-deferred = دراسة ملفكم من جديد: مقابلة أو دراسة الملف المكتوب.
next-accepted = التحضير لسفركم: وثائق السفر، وفحص طبي، وجلسات توجيه.
next-accepted_in_part = التحضير لسفركم: وثائق السفر، وفحص طبي، وجلسات توجيه.
next-pre_departure = تحديد موعد السفر.
next-departure_scheduled = سفركم ووصولكم.
next-arrived = مكان إقامتكم الأول: مركز استقبال أو مسكنكم.
next-in_reception = مسكنكم الخاص.
next-housed = دعم الاندماج.
next-integration_support = نهاية فترة الدعم.

## الرسالة التي تحمل رمز الدخول

letter-title = كيف تتابعون ملفكم
letter-greeting = إلى العائلة الكريمة،
letter-body = يمكنكم متابعة ملف إعادة توطينكم عبر الإنترنت وبلغتكم. تعرض الصفحة أين وصل ملفكم، وكل خطوة حتى الآن مع تاريخها، والمواعيد التي أُعطيت لكم، وتقديرًا للخطوة التالية. افتحوا العنوان أدناه وأدخلوا رقم الملف ورمز الدخول.
letter-address = العنوان
letter-keep = احتفظوا بهذا الرمز لأنفسكم: من يملكه يستطيع أن يرى أين وصل ملفكم. إذا فقدتموه، أو ظننتم أن شخصًا آخر يعرفه، فاطلبوا رمزًا جديدًا؛ عندها يتوقف الرمز القديم عن العمل.
letter-issued = صدرت بتاريخ { $date }.

## استبيان الأحوال (issue 25)
family-checkin-title = كيف تسير أموركم؟
family-checkin-lead = بعد { $months } أشهر من وصولكم، نسألكم عن أحوال عائلتكم. تساعد إجاباتكم من يدعمونكم، وعندما تُحسب مع إجابات العائلات الأخرى ودون ذكر أسمائكم أبدًا، تُظهر للبرنامج ما يجب تحسينه.
family-checkin-housing = مسكنكم
family-checkin-own-home = نعيش في مسكن خاص بنا
family-checkin-own-kitchen = لدينا مطبخ خاص بنا
family-checkin-own-shower = لدينا حمّام (دُش) خاص بنا
family-checkin-rooms = عدد الغرف (دون المطبخ والحمّام)
family-checkin-language = أحد البالغين في عائلتنا يتابع دورة لغة
family-checkin-school = المدرسة
family-checkin-child-in-school = الطفل رقم { $member } (العمر { $age } سنة) يذهب إلى المدرسة
family-checkin-work = العمل
family-checkin-adult-works = البالغ رقم { $member } (العمر { $age } سنة) لديه عمل أو يتابع تدريبًا
family-checkin-adult-match = عمل البالغ رقم { $member } يناسب تعليمه وخبرته
family-checkin-health = الرعاية الصحية (لا يقرأ هذه الإجابات إلا الموظفون الذين يحتاجون إليها)
family-checkin-doctor = نحن مسجّلون لدى طبيب
family-checkin-care = نحصل على الرعاية عندما نحتاج إليها
family-checkin-health-skip = أفضّل عدم الإجابة عن الأسئلة الصحية
family-checkin-relatives = أفراد العائلة الذين ما زالوا في الخارج وينتظرون الالتحاق بكم
family-checkin-feeling = كيف تشعرون بأن الأمور تسير؟
family-checkin-feeling-1 = سيئة جدًا
family-checkin-feeling-2 = سيئة
family-checkin-feeling-3 = مقبولة
family-checkin-feeling-4 = جيدة
family-checkin-feeling-5 = جيدة جدًا
family-checkin-consent = نوافق على حفظ إجاباتنا وعلى أن يقرأها من يدعموننا
family-checkin-send = أرسلوا إجاباتنا
family-checkin-thanks = شكرًا لكم. تم تسجيل إجاباتكم.
family-checkin-refused = تعذّر تسجيل إجاباتكم. يرجى مراجعتها والمحاولة مرة أخرى.
family-checkin-refused-rooms = تعذّر تسجيل إجاباتكم: يرجى ذكر عدد غرف مسكنكم، غرفة واحدة على الأقل.
family-checkin-refused-relatives = تعذّر تسجيل إجاباتكم: عدد أفراد العائلة الذين ما زالوا في الخارج كبير جدًا. يرجى مراجعته.
family-checkin-refused-feeling = تعذّر تسجيل إجاباتكم: يرجى اختيار كيف تشعرون بأن الأمور تسير.
family-checkin-no-consent = لا تُحفظ إجاباتكم إلا بموافقتكم: ضعوا علامة في المربع في آخر الاستمارة.
