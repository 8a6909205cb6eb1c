# واجهة «وقائع» بالعربية. لكل رسالة هنا المعرّف نفسه في en.ftl.
# PLURAL($n) يعطي فئة العدد بقاعدة CLDR للعربية (zero، one، two، few، many، other).

## الأوامر (القوائم ونافذة المساعدة)
cmd-open = فتح…
cmd-open-tip = فتح مستند (*.waqai.json) أو مقال (.txt أو .html)
cmd-save = حفظ
cmd-save-tip = حفظ المستند (دفعة واحدة دون إفساد النسخة السابقة)
cmd-save-as = حفظ باسم…
cmd-save-as-tip = حفظ المستند باسم آخر
cmd-export = تصدير…
cmd-export-tip = تصدير عرض صورةً PNG أو SVG (مع ملف جانبي لإعادة رسمه)، أو البيانات بصيغ GEXF وGraphML وTimelineJS وCSV أو جدول على نمط GDELT
cmd-quit = خروج
cmd-quit-tip = إغلاق النافذة (مع السؤال أولًا عن التعديلات غير المحفوظة)
cmd-undo = تراجع
cmd-undo-tip = التراجع عن آخر تعديل
cmd-redo = إعادة
cmd-redo-tip = إعادة ما تُرُوجع عنه
cmd-find = بحث في المقال…
cmd-find-tip = البحث في المقال (مع تجاهل صور الهمزة وى/ي وة/ه والتطويل والتشكيل)؛ Enter ينتقل إلى النتيجة التالية
cmd-copy = نسخ النص المحدد
cmd-copy-tip = نسخ النص المحدد (بالسحب) في المقال بترتيبه المنطقي
cmd-next = الحدث التالي
cmd-next-tip = الحدث التالي بالترتيب الزمني
cmd-previous = الحدث السابق
cmd-previous-tip = الحدث السابق بالترتيب الزمني
cmd-show-in-article = إظهار في المقال
cmd-show-in-article-tip = عرض دليل التحديد (أو أول ذكر له) في المقال
cmd-clear-selection = إلغاء التحديد
cmd-clear-selection-tip = إلغاء التحديد
cmd-fit = ملاءمة الخط الزمني والشبكة
cmd-fit-tip = ملاءمة الخط الزمني وشبكة العلاقات مع المعروض
cmd-help = اختصارات لوحة المفاتيح
cmd-help-tip = سرد هذه الأوامر ومفاتيحها

## Menus
menu-file = ملف
menu-edit = تحرير
menu-view = عرض
menu-help = مساعدة
menu-open-recent = فُتح مؤخرًا
view-lanes-by-kind = مسارات الخط الزمني حسب نوع الحدث
view-show-places = الأماكن في لوحة العلاقات
view-time-axis = محور الزمن
view-calendar-tip = التواريخ الهجرية بتقويم أم القرى
calendar-gregorian = ميلادي
calendar-hijri = هجري
calendar-both = ميلادي وهجري
view-language = اللغة
view-language-tip = لغة الواجهة وتواريخ محور الزمن والتسميات التي يكتبها «وقائع»
view-digits = الأرقام
view-digits-tip = أرقام ما يكتبه «وقائع» (المحور والأعداد)؛ أرقام المقال نفسه لا تتغير أبدًا
digits-western = أرقام غربية (0123)
digits-arabic-indic = أرقام هندية (٠١٢٣)
view-names = الأسماء
view-names-tip = كيف تُكتب أسماء الفاعلين في مسارات الخط الزمني والشبكة والصور؛ الصيغ اللاتينية من قوائم الأسماء أو بقواعد النقحرة (وتُوسم بأنها تلقائية)
names-arabic = الأسماء بالعربية
names-latin = الأسماء بالحروف اللاتينية
names-both = الأسماء بالعربية واللاتينية
panel-timeline = الخط الزمني
panel-relations = العلاقات
panel-article = المقال
panel-inspector = التفاصيل
theme = المظهر:
theme-system = النظام
theme-system-tip = اتباع تفضيل النظام الفاتح أو الداكن
theme-dark = داكن
theme-light = فاتح
problems-count = مشكلات ({ $n })
problems-count-tip = تُسرد في لوحة التفاصيل حين لا يكون شيء محددًا

## The window
files-documents-and-articles = مستندات «وقائع» ومقالات
files-all = كل الملفات
files-document = مستند «وقائع»
untitled = بلا عنوان
error = خطأ:
dismiss = إغلاق
error-edit = تعذّر هذا التغيير: { $why }
error-recovery-write = تعذّرت كتابة ملف الاستعادة { $why }
error-restore = تعذّرت الاستعادة { $why }
error-open = تعذّر الفتح { $why }
error-save = تعذّر الحفظ { $why }
error-extraction-stopped = تعذّر فتح { $path }: توقف الاستخراج على نحو غير متوقع
recovery-offer = حُفظت من جلسة سابقة تعديلات على هذا المستند لم تُحفظ.
recovery-restore = استعادتها
recovery-discard = التخلي عنها
no-file = (لا ملف)
status-no-extraction = لا استخراج بعد
status-extraction-loaded = الاستخراج محمّل
status-zoom = التكبير { $percent }٪
status-extracting = قراءة { $name } واستخراج ما فيه…
status-counts = { PLURAL($events) ->
        [zero] لا أحداث
        [one] حدث واحد
        [two] حدثان
        [few] { $events } أحداث
        [many] { $events } حدثًا
       *[other] { $events } حدث
    } · { PLURAL($actors) ->
        [zero] لا فاعلين
        [one] فاعل واحد
        [two] فاعلان
        [few] { $actors } فاعلين
        [many] { $actors } فاعلًا
       *[other] { $actors } فاعل
    }

## Export
export-title = تصدير
export-running = جارٍ تصدير { $what }…
export-picture = صورة
export-picture-tip = صورة PNG أو SVG لعرض، مع ملف .json جانبي يعيد رسمها
export-data = بيانات
export-data-tip = الشبكة أو الخط الزمني أو الجداول، لأدوات أخرى
export-view = العرض
export-format = الصيغة
export-scale = المقياس
export-times = ×{ $n }
export-theme = المظهر
export-size = المقاس
unit-pt = نقطة
export-pixels = { $w } × { $h } بكسل
export-done = صُدِّر { $path }
error-export = تعذّر التصدير { $why }
error-export-stopped = توقف التصدير على نحو غير متوقع
view-timeline = الخط الزمني
view-relations = العلاقات
view-article = المقال
view-inspector = التفاصيل
view-window = النافذة
data-gexf = شبكة GEXF (لبرنامج Gephi)
data-graphml = شبكة GraphML
data-timelinejs = ملف JSON لـ TimelineJS
data-csv-events = CSV: الأحداث
data-csv-actors = CSV: الفاعلون
data-csv-relations = CSV: العلاقات
data-gdelt = جدول أحداث على نمط GDELT (TSV)
unsaved-title = تعديلات غير محفوظة
unsaved-text = في المستند تعديلات لم تُحفظ.
unsaved-discard = التخلي عن التعديلات
cancel = إلغاء

## Panels
fit = ملاءمة
fit-graph-tip = ملاءمة الشبكة (F)
graph-size = الحجم
graph-size-tip = حجم العقد حسب المركزية (البينية، وإلا الدرجة)
graph-all = الكل
graph-1-step = خطوة واحدة
graph-2-steps = خطوتان
graph-steps-tip = مع تحديد فاعل، إظهار الفاعلين الذين يبعدون عنه هذا العدد من الروابط فقط
export-view-tip = انقر بالزر الأيمن لتصدير هذا العرض
export-this-view = تصدير هذا العرض…

## Timeline
lanes = المسارات:
lanes-actors = الفاعلون
lanes-actors-tip = مسار لكل فاعل
lanes-kinds = أنواع الأحداث
lanes-kinds-tip = مسار لكل نوع من الأحداث
fit-events-tip = ملاءمة كل الأحداث (F)
fit-all-events = ملاءمة كل الأحداث
show-week = إظهار الأسبوع المحيط بالحدث المحدد
timeline-description = الخط الزمني: { PLURAL($events) ->
        [zero] لا أحداث
        [one] حدث واحد
        [two] حدثان
        [few] { $events } أحداث
        [many] { $events } حدثًا
       *[other] { $events } حدث
    } على { PLURAL($lanes) ->
        [zero] لا مسارات
        [one] مسار واحد
        [two] مساران
        [few] { $lanes } مسارات
        [many] { $lanes } مسارًا
       *[other] { $lanes } مسار
    }؛ مفاتيح الأسهم تنتقل بين الأحداث
overview-tip = كل الأحداث عبر الزمن. اسحب لإظهار مدة منه، واسحب النافذة المضاءة لتحريكها، وانقر مرتين لإظهار الكل.
overview-description = نظرة عامة على كل الأحداث عبر الزمن: اسحب لاختيار المدة المعروضة
date-not-stated = التاريخ غير مذكور
published = النشر
day-not-stated-near = اليوم غير مذكور (قرابة { $day })
gap-days = { PLURAL($n) ->
        [one] يوم واحد
        [two] يومان
        [few] { $n } أيام
        [many] { $n } يومًا
       *[other] { $n } يوم
    }
gap-months = { PLURAL($n) ->
        [one] شهر واحد
        [two] شهران
        [few] { $n } أشهر
        [many] { $n } شهرًا
       *[other] { $n } شهر
    }
gap-years = { PLURAL($n) ->
        [one] سنة واحدة
        [two] سنتان
        [few] { $n } سنوات
        [many] { $n } سنة
       *[other] { $n } سنة
    }

## Terms of the document format (kind-*, status-*, role-*, entity-*, precision-*, relation-*)
kind-visit = زيارة
kind-arrival = وصول
kind-meeting = لقاء
kind-signing = توقيع
kind-agreement = اتفاق
kind-statement = تصريح
kind-other = آخر
status-occurred = وقع
status-planned = مقرّر
status-reported = منقول
entity-person = شخص
entity-organization = منظمة
entity-group = جماعة
entity-country = دولة
entity-city = مدينة
entity-site = موقع
role-host = مضيف
role-guest = ضيف
role-signatory = موقّع
role-delegation = وفد
role-subject = موضوع
role-participant = مشارك
precision-day = يوم
precision-month = شهر
precision-year = سنة
precision-unknown = غير معروف
relation-met = التقى
relation-counterpart = نظير
relation-member-of = عضو في
relation-leads = يرأس
relation-signed-with = وقّع مع
relation-invited = دعا
relation-cooperates-with = يتعاون مع
relation-located-in = في

## Relationships
graph-empty = لا فاعلين في هذا المستند بعد.
graph-description = شبكة العلاقات: { PLURAL($actors) ->
        [zero] لا فاعلين
        [one] فاعل واحد
        [two] فاعلان
        [few] { $actors } فاعلين
        [many] { $actors } فاعلًا
       *[other] { $actors } فاعل
    } و{ PLURAL($links) ->
        [zero] لا روابط
        [one] رابط واحد
        [two] رابطان
        [few] { $links } روابط
        [many] { $links } رابطًا
       *[other] { $links } رابط
    }
fit-graph = ملاءمة الشبكة
actor-summary = { $kind } · { $country } · { PLURAL($events) ->
        [zero] لا أحداث
        [one] حدث واحد
        [two] حدثان
        [few] { $events } أحداث
        [many] { $events } حدثًا
       *[other] { $events } حدث
    }
graph-laying-out = ترتيب { $actors } فاعلًا… { $percent }٪

## Article
article-description = نص المقال: حدّد مقطعًا لترى ما يذكره
copy = نسخ
mention-tip = { $kind } — انقر للتحديد
evidence-tip = دليل — انقر لتحديد الحدث
find-hint = بحث في المقال
no-match = لا نتائج
match-of = { $i } من { $n }
previous = السابق
next = التالي
close = إغلاق
close-search-tip = إغلاق البحث (Esc)

## Inspector
event-number = رقم { $i } من { $n }
cameo-tip = رمز الحدث في تصنيف CAMEO
when = متى
not-stated = غير مذكور
precision = · الدقة: { $precision }
where = أين
participants = المشاركون
missing-actor = مفقود: { $id }
topics = المواضيع
evidence = الأدلة
outside-the-text = (خارج النص)
edit = تحرير
latin-automatic = { $latin } (تلقائي)
latin-automatic-tip = نُقحر بالقواعد: لا تعرف قوائم الأسماء هذا الاسم؛ عدّله أدناه
roles = المناصب
centrality = المركزية
degree = الدرجة { $value } (الترتيب { $rank } من { $n })
betweenness = البينية { $value } (الترتيب { $rank } من { $n })
centrality-tip = الدرجة: نسبة الفاعلين الآخرين المرتبطين بهذا الفاعل. البينية: نسبة أقصر المسارات بين الفاعلين الآخرين التي تمر به.
part-of = جزء من
events = الأحداث
mentions = الإشارات
in-the-text = { $n } في النص
show-first-mention = إظهار أول إشارة
publication-date = تاريخ النشر
publication-date-tip = تحديده يحوّل «اليوم» و«أمس» وأيام الأسبوع إلى تواريخ
set = تعيين
not-a-date = ليس تاريخًا
overview-help = انقر حدثًا على الخط الزمني أو فاعلًا في الشبكة أو مقطعًا من المقال. مفاتيح الأسهم (أو J وK) تنتقل بين الأحداث؛ وEsc يلغي التحديد.
problems-heading = مشكلات ({ $n })
document-counts = { PLURAL($events) ->
        [zero] لا أحداث
        [one] حدث واحد
        [two] حدثان
        [few] { $events } أحداث
        [many] { $events } حدثًا
       *[other] { $events } حدث
    } · { PLURAL($actors) ->
        [zero] لا فاعلين
        [one] فاعل واحد
        [two] فاعلان
        [few] { $actors } فاعلين
        [many] { $actors } فاعلًا
       *[other] { $actors } فاعل
    } · { PLURAL($relations) ->
        [zero] لا علاقات
        [one] علاقة واحدة
        [two] علاقتان
        [few] { $relations } علاقات
        [many] { $relations } علاقةً
       *[other] { $relations } علاقة
    } · النشر { $published }

## Editing forms
field-kind = النوع
field-status = الحالة
field-summary = الملخص
hint-summary = ما الذي جرى
field-date = التاريخ
hint-date = سنة-شهر-يوم (YYYY-MM-DD)
field-precision = الدقة
field-place = المكان
none = (لا شيء)
field-participants = المشاركون
field-role = الدور
remove = إزالة
remove-participant-tip = إزالة هذا المشارك
add-participant = إضافة مشارك…
field-topics = المواضيع
hint-topic = أضف موضوعًا
delete-event = حذف هذا الحدث
field-name = الاسم
hint-name = كما يكتبه المقال
field-latin = باللاتينية
hint-latin = الاسم بالحروف اللاتينية
field-country = الدولة
hint-country = LY، FR …
field-roles = المناصب
hint-role = أضف لقبًا أو منصبًا
merge = دمج فاعل آخر في هذا الفاعل…
field-mentions = الإشارات
split-off = فصل
split-off-tip = جعل هذه الإشارة فاعلًا جديدًا
add-mention-of = إضافة إشارةً إلى { $name }
add-evidence-of = إضافة دليلًا على الحدث { $n }
new-actor = فاعل جديد من التحديد
new-event = حدث جديد من التحديد
cameo = CAMEO { $code }
resize-panel = تغيير حجم اللوحة
close-window-tip = إغلاق هذه النافذة (Esc)

## More commands
cmd-next-panel = اللوحة التالية
cmd-next-panel-tip = نقل لوحة المفاتيح إلى اللوحة التالية (الخط الزمني، الشبكة، المقال)؛ وفيها تنتقل الأسهم بين الأحداث أو الفاعلين
cmd-previous-panel = اللوحة السابقة
cmd-previous-panel-tip = نقل لوحة المفاتيح إلى اللوحة السابقة

## Days counted from publication
day-publication = يوم النشر
days-before = { PLURAL($n) ->
        [one] قبل النشر بيوم
        [two] قبل النشر بيومين
        [few] قبل النشر بـ{ $n } أيام
        [many] قبل النشر بـ{ $n } يومًا
       *[other] قبل النشر بـ{ $n } يوم
    }
days-after = { PLURAL($n) ->
        [one] بعد النشر بيوم
        [two] بعد النشر بيومين
        [few] بعد النشر بـ{ $n } أيام
        [many] بعد النشر بـ{ $n } يومًا
       *[other] بعد النشر بـ{ $n } يوم
    }
with-weekday = { $day } ({ $weekday })
weekday-monday = الاثنين
weekday-tuesday = الثلاثاء
weekday-wednesday = الأربعاء
weekday-thursday = الخميس
weekday-friday = الجمعة
weekday-saturday = السبت
weekday-sunday = الأحد

## Problems of a document (validation)
problem-format = صيغة غير معروفة «{ $found }» (هذا البرنامج يقرأ «{ $expected }»)
problem-mention-reversed = إشارة إلى «{ $id }» تبدأ بعد نهايتها ({ $start }..{ $end })
problem-mention-outside = إشارة إلى «{ $id }» ({ $start }..{ $end }) تقع خارج النص، وطوله { $length } حرفًا
problem-evidence-reversed = دليل «{ $id }» يبدأ بعد نهايته ({ $start }..{ $end })
problem-evidence-outside = دليل «{ $id }» ({ $start }..{ $end }) يقع خارج النص، وطوله { $length } حرفًا
problem-published = تاريخ النشر «{ $date }» ليس تاريخًا حقيقيًا (سنة-شهر-يوم)
problem-entity-id-twice = لفاعلين اثنين المعرّف نفسه «{ $id }»
problem-event-id-twice = لحدثين اثنين المعرّف نفسه «{ $id }»
problem-part-of-missing = الفاعل «{ $id }» جزء من «{ $part }»، وهو غير موجود
problem-participant-missing = للحدث «{ $id }» مشارك «{ $entity }» غير موجود
problem-place-missing = الحدث «{ $id }» يقع في «{ $place }»، وهو غير موجود
problem-event-date = للحدث «{ $id }» التاريخ «{ $date }»، وهو ليس تاريخًا حقيقيًا
problem-relation-end-missing = العلاقة { $n } ({ $source } { $kind } { $target }) تذكر «{ $end }»، وهو غير موجود
problem-relation-event-missing = العلاقة { $n } ({ $source } { $kind } { $target }) تستشهد بالحدث «{ $event }»، وهو غير موجود
problem-order-shared = الأحداث { $ids } تشترك في الترتيب { $order }
problem-order-skips = ترتيب الأحداث يقفز من { $from } إلى { $to } (يجب أن يكون الترتيب 1، 2، 3 …)

## A desk of articles
cmd-new-corpus = مجموعة مقالات جديدة…
cmd-new-corpus-tip = إنشاء مجموعة مقالات: ملف واحد (*.waqai.db) لمقالات كثيرة، وخط زمني واحد لها جميعًا
cmd-add-articles = إضافة مقالات…
cmd-add-articles-tip = إضافة مقالات أو مستندات أو ملفات JSON Lines إلى المجموعة المفتوحة (يُستخرج ما فيها على كل الأنوية، ويُتخطى ما سبقت إضافته)
cmd-open-folder = إضافة مجلد…
cmd-open-folder-tip = إضافة كل مقالات مجلد (ومجلداته الفرعية) إلى المجموعة المفتوحة
files-articles = مقالات ومستندات
error-corpus-exists = { $path } موجود من قبل: افتحه بأمر فتح…
import-done = أضيف { PLURAL($new) ->
        [zero] لا مقالات
        [one] مقال واحد
        [two] مقالان
        [few] { $new } مقالات
        [many] { $new } مقالًا
       *[other] { $new } مقال
    } ({ $unchanged } موجود من قبل، و{ $failed } تعذّر)
import-cancelled = أُلغي الاستيراد: أضيف { PLURAL($new) ->
        [zero] لا مقالات
        [one] مقال واحد
        [two] مقالان
        [few] { $new } مقالات
        [many] { $new } مقالًا
       *[other] { $new } مقال
    } ({ $unchanged } موجود من قبل، و{ $failed } تعذّر)
import-failure = تعذّرت إضافة { $n } ملفًا، أولها: { $path }: { $why }
import-stopped = توقف الاستيراد على نحو غير متوقع
import-progress = { $done } / { $total } ملفًا · { $rate } في الثانية
import-cancel-tip = إيقاف الاستيراد؛ يبقى ما أضيف
filter-words-hint = كلمات في المقالات
filter-words-tip = Enter يُظهر المقالات التي فيها كل الكلمات (مع تجاهل صور الهمزة وى/ي وة/ه والتشكيل)
filter-any-actor = كل الفاعلين
filter-any-kind = كل الأنواع
filter-any-outlet = كل الصحف
filter-actor = الفاعل
filter-kind = نوع الحدث
filter-outlet = الصحيفة
filter-shown = مُرشَّح: { $what }
filter-clear = إزالة الترشيح
filter-clear-tip = إظهار المجموعة كلها من جديد
filter-articles = { PLURAL($n) ->
        [zero] لا مقالات
        [one] مقال واحد
        [two] مقالان
        [few] { $n } مقالات
        [many] { $n } مقالًا
       *[other] { $n } مقال
    }
articles-heading = المقالات ({ $n })
article-line = { $date } · { PLURAL($events) ->
        [zero] لا أحداث
        [one] حدث واحد
        [two] حدثان
        [few] { $events } أحداث
        [many] { $events } حدثًا
       *[other] { $events } حدث
    }
sources-heading = المصادر ({ $n }) — انقر أحدها لقراءة روايته
source-line = { $n }. { $title } { $outlet }
label-with-sources = { $label } · { PLURAL($n) ->
        [two] مصدران
        [few] { $n } مصادر
       *[other] { $n } مصدرًا
    }
composing = تجميع المجموعة…
compose-stopped = تعذّر تجميع المجموعة (توقف العامل)
roles-then-tip = ما يسميهم به تقرير هذا اللقاء (منصبهم حينها)
corpus-edit-elsewhere = في المجموعة تُدمج الأسماء وتُفصل وتُؤرَّخ المقالات هنا؛ أما التعديلات الأخرى فتُجرى في المقال مفتوحًا وحده
filter-country = الدولة
filter-any-country = كل الدول
filter-from = من (تاريخ)
filter-to = إلى (تاريخ)
filter-enter-tip = اليوم بصيغة YYYY-MM-DD؛ Enter يطبّقه، والحقل الفارغ مع Enter يزيله

