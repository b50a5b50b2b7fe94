<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>(redacted)</source>
        <translation>(محذوف)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>قيد الانتظار</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <source>The camera is not working. Use the document scanner, or type the document in (F2). If it goes on, call the supervisor.</source>
        <translation>الكاميرا لا تعمل. استعمل قارئ الوثائق، أو أدخل الوثيقة يدويًا (F2). إذا استمر ذلك، اتصل بالمشرف.</translation>
    </message>
    <message>
        <source>The camera is disconnected. Trying to reconnect…</source>
        <translation>الكاميرا غير متصلة. جارٍ إعادة الاتصال…</translation>
    </message>
    <message>
        <source>The camera cannot read documents on this desk (no OCR engine). Use the document scanner, or type the document in (F2).</source>
        <translation>لا تستطيع الكاميرا قراءة الوثائق في هذا المكتب (لا يوجد محرك OCR). استعمل قارئ الوثائق، أو أدخل الوثيقة يدويًا (F2).</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>جارٍ تشغيل الكاميرا…</translation>
    </message>
    <message>
        <source>No camera. Use the document scanner, or type the document in (F2).</source>
        <translation>لا توجد كاميرا. استعمل قارئ الوثائق، أو أدخل الوثيقة يدويًا (F2).</translation>
    </message>
    <message>
        <source>Hold the document still</source>
        <translation>أبقِ الوثيقة ثابتة</translation>
    </message>
    <message>
        <source>Glare: tilt the document</source>
        <translation>انعكاس ضوء: أَمِل الوثيقة</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Waiting for a document</source>
        <translation>في انتظار وثيقة</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>جارٍ القراءة…</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>تمت القراءة</translation>
    </message>
    <message>
        <source>Decide: the same person?</source>
        <translation>قرّر: هل هو الشخص نفسه؟</translation>
    </message>
    <message>
        <source>Record the disposition</source>
        <translation>سجّل الإجراء المتخذ</translation>
    </message>
    <message>
        <source>Finish the decision on the current document first.</source>
        <translation>أكمل أولاً القرار بشأن الوثيقة الحالية.</translation>
    </message>
    <message>
        <source>There is nothing to decide.</source>
        <translation>لا يوجد ما يُقرَّر.</translation>
    </message>
    <message>
        <source>This is not a readable MRZ. Try again, or type the document in (F2).</source>
        <translation>منطقة القراءة الآلية غير مقروءة. أعد المحاولة، أو أدخل الوثيقة يدويًا (F2).</translation>
    </message>
    <message>
        <source>A disposition of &apos;other&apos; needs a note saying what happened.</source>
        <translation>الإجراء «آخر» يتطلب ملاحظة توضح ما حدث.</translation>
    </message>
    <message>
        <source>The check could not be completed ({error}). Try again; if it happens again, call the supervisor.</source>
        <translation>تعذّر إتمام الفحص ({error}). أعد المحاولة؛ وإن تكرر ذلك فاستدعِ المشرف.</translation>
    </message>
    <message>
        <source>Type in [F2]</source>
        <translation>إدخال يدوي [F2]</translation>
    </message>
    <message>
        <source>Next [{key}]</source>
        <translation>التالي [{key}]</translation>
    </message>
    <message>
        <source>Hit log [F9]</source>
        <translation>سجل التطابقات [F9]</translation>
    </message>
    <message>
        <source>Settings [F8]</source>
        <translation>الإعدادات [F8]</translation>
    </message>
    <message>
        <source>Lock [F10]</source>
        <translation>قفل [F10]</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>The hit could not be written to the hit log. Call the supervisor.</source>
        <translation>تعذّر تسجيل التطابق في السجل. استدعِ المشرف.</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>same</source>
        <translation>مطابق</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>جزئيًا</translation>
    </message>
    <message>
        <source>DIFFERS</source>
        <translation>مختلف</translation>
    </message>
    <message>
        <source>other script</source>
        <translation>كتابة أخرى</translation>
    </message>
    <message>
        <source>not on record</source>
        <translation>غير وارد في السجل</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>List record</source>
        <translation>سجل القائمة</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>Too many wrong attempts: this badge is locked until {time}.</source>
        <translation>محاولات خاطئة كثيرة: هذه الشارة مقفلة حتى {time}.</translation>
    </message>
    <message>
        <source>This badge is disabled. See your supervisor.</source>
        <translation>هذه الشارة معطّلة. راجع مشرفك.</translation>
    </message>
    <message>
        <source>This needs the signed-in officer or a supervisor.</source>
        <translation>يتطلب ذلك الموظف المسجّل دخوله أو مشرفًا.</translation>
    </message>
    <message>
        <source>Badge or PIN not recognised.</source>
        <translation>رقم الشارة أو الرمز السري غير صحيح.</translation>
    </message>
    <message>
        <source>The users file cannot be read. Call the administrator.</source>
        <translation>تعذّرت قراءة ملف المستخدمين. استدعِ المسؤول التقني.</translation>
    </message>
    <message>
        <source>Sign-in failed. Try again.</source>
        <translation>فشل تسجيل الدخول. أعد المحاولة.</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>رقم الشارة</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>الرمز السري أو كلمة المرور</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Surname</source>
        <translation>اللقب</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>رقم الوثيقة</translation>
    </message>
    <message>
        <source>Document code</source>
        <translation>رمز الوثيقة</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>دولة الإصدار</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>تاريخ انتهاء الصلاحية</translation>
    </message>
    <message>
        <source>Select a hit</source>
        <translation>اختر تطابقًا</translation>
    </message>
    <message>
        <source>Document as read</source>
        <translation>الوثيقة كما قُرئت</translation>
    </message>
    <message>
        <source>List record</source>
        <translation>سجل القائمة</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Comment (needed to correct)</source>
        <translation>تعليق (إلزامي للتصحيح)</translation>
    </message>
    <message>
        <source>disposition stands</source>
        <translation>الإجراء المتخذ قائم</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>تصحيح</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>تسجيل النتيجة</translation>
    </message>
    <message>
        <source>Came back from the list owner:</source>
        <translation>ورد من صاحب القائمة:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>السجل التاريخي</translation>
    </message>
    <message>
        <source>settled after %1</source>
        <translation>حُسم بعد %1</translation>
    </message>
    <message>
        <source>waiting for confirmation for %1</source>
        <translation>في انتظار التأكيد منذ %1</translation>
    </message>
    <message>
        <source>%1 at desk %2 (%3), officer %4, read by %5. %6. Hit %7</source>
        <translation>%1 في المكتب %2 (%3)، الموظف %4، مصدر القراءة %5. %6. التطابق %7</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>البيانات الشخصية</translation>
    </message>
    <message>
        <source>redacted (retention period passed)</source>
        <translation>محذوفة (انقضت مدة الحفظ)</translation>
    </message>
    <message>
        <source>List</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>درجة التطابق</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء المطلوب</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>disposition</source>
        <translation>الإجراء المتخذ</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>review</source>
        <translation>المراجعة</translation>
    </message>
</context>
<context>
    <name>Device</name>
    <message>
        <source>ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا يوجد</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>عطل</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>RECONNECTING</source>
        <translation>إعادة الاتصال</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <source>NO OCR</source>
        <translation>بدون OCR</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>Disposition</name>
    <message>
        <source>Same person: to secondary</source>
        <translation>الشخص نفسه: إلى التفتيش الثانوي</translation>
    </message>
    <message>
        <source>Held: confirmation asked</source>
        <translation>في انتظار التأكيد</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>ليس الشخص نفسه</translation>
    </message>
    <message>
        <source>Other (write a note)</source>
        <translation>آخر (اكتب ملاحظة)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>days since expiry: {days}</source>
        <translation>أيام منذ انتهاء الصلاحية: {days}</translation>
    </message>
    <message>
        <source>expires today</source>
        <translation>تنتهي صلاحيته اليوم</translation>
    </message>
    <message>
        <source>days left: {days}</source>
        <translation>الأيام المتبقية: {days}</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>مُصحَّح</translation>
    </message>
    <message>
        <source>age {age}</source>
        <translation>العمر {age}</translation>
    </message>
    <message>
        <source>Read from: {source}</source>
        <translation>مصدر القراءة: {source}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Document type</source>
        <translation>نوع الوثيقة</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>دولة الإصدار</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>رقم الوثيقة</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>اللقب</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>تاريخ انتهاء الصلاحية</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>بيانات اختيارية</translation>
    </message>
    <message>
        <source>Optional data (line 2)</source>
        <translation>بيانات اختيارية (السطر 2)</translation>
    </message>
    <message>
        <source>Composite</source>
        <translation>الرقم المركّب</translation>
    </message>
    <message>
        <source>Check digit</source>
        <translation>رقم التحقق</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الشكل</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>all desks</source>
        <translation>كل المكاتب</translation>
    </message>
    <message>
        <source>all officers</source>
        <translation>كل الموظفين</translation>
    </message>
    <message>
        <source>all lists</source>
        <translation>كل القوائم</translation>
    </message>
    <message>
        <source>all levels</source>
        <translation>كل المستويات</translation>
    </message>
    <message>
        <source>HIT</source>
        <translation>تطابق</translation>
    </message>
    <message>
        <source>POSSIBLE MATCH</source>
        <translation>تطابق محتمل</translation>
    </message>
    <message>
        <source>any disposition</source>
        <translation>أي إجراء متخذ</translation>
    </message>
    <message>
        <source>reviewed or not</source>
        <translation>رُوجع أم لا</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>رُوجع</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>لم يُراجَع</translation>
    </message>
    <message>
        <source>Search names, documents, records, notes…</source>
        <translation>ابحث في الأسماء والوثائق والسجلات والملاحظات…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>مسح عوامل التصفية</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>النص:</translation>
    </message>
</context>
<context>
    <name>HitTableModel</name>
    <message>
        <source>camera</source>
        <translation>الكاميرا</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>قارئ الوثائق</translation>
    </message>
    <message>
        <source>typed by hand</source>
        <translation>إدخال يدوي</translation>
    </message>
    <message>
        <source>image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>دفعة</translation>
    </message>
    <message>
        <source>HIT</source>
        <translation>تطابق</translation>
    </message>
    <message>
        <source>POSSIBLE MATCH</source>
        <translation>تطابق محتمل</translation>
    </message>
    <message>
        <source>no disposition yet</source>
        <translation>لا إجراء متخذ بعد</translation>
    </message>
    <message>
        <source>confirmed, referred to secondary</source>
        <translation>مؤكد، أُحيل إلى التفتيش الثانوي</translation>
    </message>
    <message>
        <source>pending confirmation</source>
        <translation>في انتظار التأكيد</translation>
    </message>
    <message>
        <source>not the same person</source>
        <translation>ليس الشخص نفسه</translation>
    </message>
    <message>
        <source>other</source>
        <translation>آخر</translation>
    </message>
    <message>
        <source>confirmed by the list owner</source>
        <translation>أكده صاحب القائمة</translation>
    </message>
    <message>
        <source>record withdrawn</source>
        <translation>السجل مسحوب</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>مُوافَق عليه</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>مُصحَّح</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 د</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 سا</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 يوم</translation>
    </message>
    <message>
        <source>(redacted)</source>
        <translation>(محذوف)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>قيد الانتظار</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>المكتب</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>الموظف</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>القوائم</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>درجة التطابق</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>الحامل</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>الإجراء المتخذ</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>مدة الانتظار</translation>
    </message>
</context>
<context>
    <name>ListState</name>
    <message>
        <source>OK</source>
        <translation>محدّثة</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>متقادمة</translation>
    </message>
    <message>
        <source>NO LIST</source>
        <translation>لا توجد قائمة</translation>
    </message>
    <message>
        <source>The lists are STALE: no hit is not reliable. Call the supervisor.</source>
        <translation>القوائم متقادمة: عدم وجود تطابق ليس موثوقًا. استدعِ المشرف.</translation>
    </message>
    <message>
        <source>No watchlist is loaded: no hit is not reliable. Call the supervisor.</source>
        <translation>لم تُحمَّل أي قائمة مراقبة: عدم وجود تطابق ليس موثوقًا. استدعِ المشرف.</translation>
    </message>
    <message>
        <source>The lists are getting old: sync them soon.</source>
        <translation>القوائم تتقادم: حدّثها قريبًا.</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>Desk locked</source>
        <translation>المكتب مقفل</translation>
    </message>
    <message>
        <source>Unlock: your badge and PIN, or a supervisor&apos;s</source>
        <translation>فتح القفل: رقم شارتك ورمزك السري، أو شارة مشرف ورمزه</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>Another officer: sign in</source>
        <translation>موظف آخر: تسجيل الدخول</translation>
    </message>
    <message>
        <source>Signed in: {name} ({badge})</source>
        <translation>المسجّل دخوله: {name} ({badge})</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>المشرف</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>الخروج من وضع الكشك</translation>
    </message>
    <message>
        <source>Leaving kiosk mode needs a supervisor&apos;s badge and PIN.</source>
        <translation>الخروج من وضع الكشك يتطلب شارة مشرف ورمزه السري.</translation>
    </message>
</context>
<context>
    <name>Manual</name>
    <message>
        <source>Passport (TD3)</source>
        <translation>جواز سفر (TD3)</translation>
    </message>
    <message>
        <source>Identity card (TD1)</source>
        <translation>بطاقة تعريف (TD1)</translation>
    </message>
    <message>
        <source>Identity card (TD2)</source>
        <translation>بطاقة تعريف (TD2)</translation>
    </message>
    <message>
        <source>Visa (MRV-A)</source>
        <translation>تأشيرة (MRV-A)</translation>
    </message>
    <message>
        <source>Visa (MRV-B)</source>
        <translation>تأشيرة (MRV-B)</translation>
    </message>
    <message>
        <source>Type in a document</source>
        <translation>إدخال وثيقة يدويًا</translation>
    </message>
    <message>
        <source>Type the fields as the document prints them, and the check digits where they can be read.</source>
        <translation>أدخل الحقول كما هي مطبوعة على الوثيقة، وأرقام التحقق حيثما أمكنت قراءتها.</translation>
    </message>
    <message>
        <source>YYMMDD</source>
        <translation>YYMMDD</translation>
    </message>
    <message>
        <source>Check this document</source>
        <translation>افحص هذه الوثيقة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <source>unknown state code</source>
        <translation>رمز دولة غير معروف</translation>
    </message>
    <message>
        <source>letters only</source>
        <translation>حروف فقط</translation>
    </message>
    <message>
        <source>M, F or X</source>
        <translation>M أو F أو X</translation>
    </message>
    <message>
        <source>one or two letters</source>
        <translation>حرف أو حرفان</translation>
    </message>
    <message>
        <source>letters, digits and &lt; only</source>
        <translation>حروف وأرقام و&lt; فقط</translation>
    </message>
    <message>
        <source>six digits: YYMMDD</source>
        <translation>ستة أرقام: YYMMDD</translation>
    </message>
    <message>
        <source>no such month</source>
        <translation>شهر غير موجود</translation>
    </message>
    <message>
        <source>no such day</source>
        <translation>يوم غير موجود</translation>
    </message>
    <message>
        <source>at most 9 characters</source>
        <translation>9 رموز على الأكثر</translation>
    </message>
    <message>
        <source>wrong check digit: {digit} expected</source>
        <translation>رقم تحقق خاطئ: المتوقع {digit}</translation>
    </message>
    <message>
        <source>check digit {digit}</source>
        <translation>رقم التحقق {digit}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>صحيح</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>EXPIRED on {date}</source>
        <translation>منتهي الصلاحية في {date}</translation>
    </message>
    <message>
        <source>The date of expiry cannot be read</source>
        <translation>تاريخ انتهاء الصلاحية غير مقروء</translation>
    </message>
    <message>
        <source>This MRZ has no date of expiry: read it on the document</source>
        <translation>لا يحمل هذا الشريط المقروء آليًا تاريخ انتهاء الصلاحية: اقرأه على الوثيقة</translation>
    </message>
    <message>
        <source>Check digit fails: {field}</source>
        <translation>رقم التحقق خاطئ: {field}</translation>
    </message>
    <message>
        <source>The date of birth is not before the date of expiry</source>
        <translation>تاريخ الميلاد ليس سابقًا لتاريخ انتهاء الصلاحية</translation>
    </message>
    <message>
        <source>Unknown state code: {field}</source>
        <translation>رمز دولة غير معروف: {field}</translation>
    </message>
    <message>
        <source>Not a valid date: {field}</source>
        <translation>تاريخ غير صالح: {field}</translation>
    </message>
    <message>
        <source>The sex code is not M, F or X</source>
        <translation>رمز الجنس ليس M أو F أو X</translation>
    </message>
    <message>
        <source>The name holds digits</source>
        <translation>الاسم يحتوي على أرقام</translation>
    </message>
    <message>
        <source>A misread character could not be repaired with certainty: {field}</source>
        <translation>تعذّر تصحيح رمز مقروء خطأً بيقين: {field}</translation>
    </message>
    <message>
        <source>A repaired character is not confirmed by a check digit: {field}</source>
        <translation>رمز مصحَّح لا يؤكده رقم تحقق: {field}</translation>
    </message>
    <message>
        <source>The long document number is not well formed</source>
        <translation>رقم الوثيقة الطويل غير سليم البنية</translation>
    </message>
    <message>
        <source>Characters corrected from the read: {count}</source>
        <translation>رموز صُحّحت عند القراءة: {count}</translation>
    </message>
    <message>
        <source>Document problem: {code}</source>
        <translation>مشكلة في الوثيقة: {code}</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>no name to compare</source>
        <translation>لا اسم للمقارنة</translation>
    </message>
    <message>
        <source>names differ</source>
        <translation>الأسماء مختلفة</translation>
    </message>
    <message>
        <source>surname and given names match</source>
        <translation>اللقب والأسماء متطابقة</translation>
    </message>
    <message>
        <source>surname matches</source>
        <translation>اللقب مطابق</translation>
    </message>
    <message>
        <source>surname matches; given names differ</source>
        <translation>اللقب مطابق؛ الأسماء مختلفة</translation>
    </message>
    <message>
        <source>given names match; surname differs in part</source>
        <translation>الأسماء متطابقة؛ اللقب مختلف جزئيا</translation>
    </message>
    <message>
        <source>name matches</source>
        <translation>الاسم مطابق</translation>
    </message>
    <message>
        <source>{name} ({notes})</source>
        <translation>{name} ({notes})</translation>
    </message>
    <message>
        <source>in another order</source>
        <translation>بترتيب آخر</translation>
    </message>
    <message>
        <source>with spelling variants</source>
        <translation>بكتابات مختلفة</translation>
    </message>
    <message>
        <source>a name spelt quite differently</source>
        <translation>اسم مكتوب بشكل مختلف كثيرا</translation>
    </message>
    <message>
        <source>a name missing</source>
        <translation>اسم ناقص</translation>
    </message>
    <message>
        <source>truncated in the MRZ</source>
        <translation>مقتطع في المنطقة المقروءة آليا</translation>
    </message>
    <message>
        <source>the list&apos;s surname or first given name not on the document</source>
        <translation>لقب القائمة أو اسمها الأول غير موجود في الوثيقة</translation>
    </message>
    <message>
        <source>{name}; alias {alias}</source>
        <translation>{name}؛ الاسم المستعار {alias}</translation>
    </message>
    <message>
        <source>no birth date to compare</source>
        <translation>لا تاريخ ميلاد للمقارنة</translation>
    </message>
    <message>
        <source>birth date differs</source>
        <translation>تاريخ الميلاد مختلف</translation>
    </message>
    <message>
        <source>birth year matches</source>
        <translation>سنة الميلاد مطابقة</translation>
    </message>
    <message>
        <source>birth date matches</source>
        <translation>تاريخ الميلاد مطابق</translation>
    </message>
    <message>
        <source>birth date same year and month</source>
        <translation>تاريخ الميلاد: نفس السنة ونفس الشهر</translation>
    </message>
    <message>
        <source>birth date with day and month swapped</source>
        <translation>تاريخ الميلاد مع تبادل اليوم والشهر</translation>
    </message>
    <message>
        <source>birth date same year</source>
        <translation>تاريخ الميلاد: نفس السنة</translation>
    </message>
    <message>
        <source>no birth date backs a name that lacks a surname or first given name</source>
        <translation>لا تاريخ ميلاد يدعم اسما ينقصه اللقب أو الاسم الأول</translation>
    </message>
    <message>
        <source>no birth date backs a surname or first given name spelt quite differently</source>
        <translation>لا تاريخ ميلاد يدعم لقبا أو اسما أول مكتوبا بشكل مختلف كثيرا</translation>
    </message>
    <message>
        <source>nationality matches</source>
        <translation>الجنسية مطابقة</translation>
    </message>
    <message>
        <source>nationality differs ({nationality} on the list)</source>
        <translation>الجنسية مختلفة ({nationality} في القائمة)</translation>
    </message>
    <message>
        <source>sex differs</source>
        <translation>الجنس مختلف</translation>
    </message>
    <message>
        <source>no birth date to confirm it: a possible match at most</source>
        <translation>لا تاريخ ميلاد لتأكيده: تطابق محتمل على الأكثر</translation>
    </message>
    <message>
        <source>listed as {status}</source>
        <translation>مسجلة على أنها {status}</translation>
    </message>
    <message>
        <source>listed as {status}, reported {reported}</source>
        <translation>مسجلة على أنها {status}، أبلغ عنها في {reported}</translation>
    </message>
    <message>
        <source>stolen</source>
        <translation>مسروقة</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>مفقودة</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>باطلة</translation>
    </message>
    <message>
        <source>document number {number} of {state} is {listed}</source>
        <translation>الوثيقة رقم {number} الصادرة عن {state} {listed}</translation>
    </message>
    <message>
        <source>the same document number {number} is {listed} under issuing state {listed_state}, not {state}</source>
        <translation>نفس رقم الوثيقة {number} {listed} تحت دولة الإصدار {listed_state}، لا {state}</translation>
    </message>
    <message>
        <source>the same document number {number} is {listed} under issuing state {listed_state}, not the state read</source>
        <translation>نفس رقم الوثيقة {number} {listed} تحت دولة الإصدار {listed_state}، لا الدولة المقروءة</translation>
    </message>
    <message>
        <source>near number {number} of the same state is {listed}</source>
        <translation>الرقم القريب {number} من نفس الدولة {listed}</translation>
    </message>
    <message>
        <source>near number {number} under issuing state {listed_state} is {listed}</source>
        <translation>الرقم القريب {number} تحت دولة الإصدار {listed_state} {listed}</translation>
    </message>
    <message>
        <source>the number as read {number} of the same state is {listed}</source>
        <translation>الرقم كما قرئ {number} من نفس الدولة {listed}</translation>
    </message>
    <message>
        <source>the number as read {number} under issuing state {listed_state} is {listed}</source>
        <translation>الرقم كما قرئ {number} تحت دولة الإصدار {listed_state} {listed}</translation>
    </message>
    <message>
        <source>one OCR look-alike from the number read (&apos;{read}&apos; at position {position} taken as &apos;{alt}&apos;); the document number check digit fails</source>
        <translation>على بعد التباس واحد في التعرف الضوئي من الرقم المقروء («{read}» في الموضع {position} قرئ «{alt}»)؛ رقم التحقق لرقم الوثيقة خاطئ</translation>
    </message>
    <message>
        <source>one OCR look-alike from the number read (&apos;{read}&apos; at position {position} taken as &apos;{alt}&apos;); the check digit cannot tell &apos;{read}&apos; from &apos;{alt}&apos;</source>
        <translation>على بعد التباس واحد في التعرف الضوئي من الرقم المقروء («{read}» في الموضع {position} قرئ «{alt}»)؛ رقم التحقق لا يميز «{read}» من «{alt}»</translation>
    </message>
    <message>
        <source>the reader read {read} and corrected it to {number}: {corrections}</source>
        <translation>قرأ القارئ {read} وصححه إلى {number}: {corrections}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Hit log review</source>
        <translation>مراجعة سجل التطابقات</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Open national log…</source>
        <translation>فتح السجل الوطني…</translation>
    </message>
    <message>
        <source>Back to this desk&apos;s log</source>
        <translation>العودة إلى سجل هذا المكتب</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>التحقق من السلسلة</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>تصدير PDF…</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>التطابقات</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>National log: %1</source>
        <translation>السجل الوطني: %1</translation>
    </message>
    <message>
        <source>This desk&apos;s log: %1</source>
        <translation>سجل هذا المكتب: %1</translation>
    </message>
    <message>
        <source>%1 of %2 hits</source>
        <translation>%1 من أصل %2 تطابق</translation>
    </message>
    <message>
        <source>The chain verifies: %1 entries checked.</source>
        <translation>السلسلة سليمة: تم التحقق من %1 مدخل.</translation>
    </message>
    <message>
        <source>THE CHAIN IS BROKEN: %1</source>
        <translation>السلسلة مكسورة: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>صُدِّر إلى %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>فشل: %1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <source>National log</source>
        <translation>السجل الوطني</translation>
    </message>
    <message>
        <source>PostgreSQL URL of the national log:</source>
        <translation>عنوان PostgreSQL للسجل الوطني:</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>تصدير CSV</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>تصدير تقرير PDF</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Desk settings</source>
        <translation>إعدادات المكتب</translation>
    </message>
    <message>
        <source>(no serial scanner)</source>
        <translation>(لا يوجد قارئ على منفذ تسلسلي)</translation>
    </message>
    <message>
        <source>Scanner on serial port</source>
        <translation>قارئ الوثائق على المنفذ التسلسلي</translation>
    </message>
    <message>
        <source>The &quot;next&quot; key (or foot pedal)</source>
        <translation>مفتاح «التالي» (أو دواسة القدم)</translation>
    </message>
    <message>
        <source>min</source>
        <translation>دقيقة</translation>
    </message>
    <message>
        <source>Lock after idle (0: never)</source>
        <translation>القفل بعد الخمول (0: أبدًا)</translation>
    </message>
    <message>
        <source>Sound the alert on a HIT</source>
        <translation>تنبيه صوتي عند التطابق</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>زامِن الآن</translation>
    </message>
    <message>
        <source>No sync source is configured.</source>
        <translation>لم يُضبط أي مصدر للمزامنة.</translation>
    </message>
    <message>
        <source>Watchlists</source>
        <translation>قوائم المراقبة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Syncing the lists…</source>
        <translation>جارٍ مزامنة القوائم…</translation>
    </message>
    <message>
        <source>The sync failed: {reason}</source>
        <translation>فشلت المزامنة: {reason}</translation>
    </message>
    <message>
        <source>Lists updated to version {version}.</source>
        <translation>حُدّثت القوائم إلى الإصدار {version}.</translation>
    </message>
    <message>
        <source>The lists are up to date (version {version}).</source>
        <translation>القوائم محدّثة (الإصدار {version}).</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>لم يُحفظ: {reason}</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Desk {desk} · {checkpoint}</source>
        <translation>المكتب {desk} · {checkpoint}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Demo desk. Sign in as:</source>
        <translation>مكتب تجريبي. سجّل الدخول بصفة:</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>موظف</translation>
    </message>
    <message>
        <source>{role}: badge {badge}, PIN {pin}</source>
        <translation>{role}: الشارة {badge}، الرمز {pin}</translation>
    </message>
    <message>
        <source>No user can sign in at this desk yet. The administrator creates the first supervisor with: borderdesk users add BADGE --role supervisor</source>
        <translation>لا يمكن لأي مستخدم تسجيل الدخول في هذا المكتب بعد. ينشئ المسؤول التقني المشرف الأول بالأمر: borderdesk users add BADGE --role supervisor</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>camera</source>
        <translation>الكاميرا</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>قارئ الوثائق</translation>
    </message>
    <message>
        <source>typed by hand</source>
        <translation>إدخال يدوي</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>%1 hits, %2 reviewed, %3 waiting for confirmation. Possible matches judged not the same person: %4.</source>
        <translation>%1 تطابق، %2 رُوجع، %3 في انتظار التأكيد. التطابقات المحتملة التي حُكم بأنها ليست الشخص نفسه: %4.</translation>
    </message>
    <message>
        <source>Hits per day</source>
        <translation>التطابقات في اليوم</translation>
    </message>
    <message>
        <source>Hits per month</source>
        <translation>التطابقات في الشهر</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>تطابقات</translation>
    </message>
    <message>
        <source>Hits per list</source>
        <translation>التطابقات حسب القائمة</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>الإجراءات المتخذة</translation>
    </message>
    <message>
        <source>Checks per hour of the day (UTC)</source>
        <translation>الفحوص حسب ساعة اليوم (UTC)</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>لا تطابق</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} د</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} سا</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} يوم</translation>
    </message>
    <message>
        <source>Officer {name}</source>
        <translation>الموظف {name}</translation>
    </message>
    <message>
        <source>Desk {desk}</source>
        <translation>المكتب {desk}</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>القوائم</translation>
    </message>
    <message>
        <source>v{version}</source>
        <translation>الإصدار {version}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>آخر مزامنة: {when}</translation>
    </message>
    <message>
        <source>sync failed</source>
        <translation>فشلت المزامنة</translation>
    </message>
    <message>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Camera: {state}</source>
        <translation>الكاميرا: {state}</translation>
    </message>
    <message>
        <source>Scanner: {state}</source>
        <translation>القارئ: {state}</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>CLEAR</source>
        <translation>لا تطابق</translation>
    </message>
    <message>
        <source>POSSIBLE MATCH</source>
        <translation>تطابق محتمل</translation>
    </message>
    <message>
        <source>HIT</source>
        <translation>تطابق</translation>
    </message>
    <message>
        <source>Not on the lists. Ready for the next document.</source>
        <translation>غير مدرج في القوائم. جاهز للوثيقة التالية.</translation>
    </message>
    <message>
        <source>A list record resembles this document. Compare, then decide.</source>
        <translation>سجل في القوائم يشبه هذه الوثيقة. قارن ثم قرّر.</translation>
    </message>
    <message>
        <source>On a list. Follow the action below. Record a disposition to go on.</source>
        <translation>مدرج في قائمة. اتبع الإجراء أدناه. سجّل الإجراء المتخذ للمتابعة.</translation>
    </message>
    <message>
        <source>No match on the lists, but the lists cannot be relied on (see the warning above).</source>
        <translation>لا تطابق في القوائم، لكن لا يمكن الاعتماد عليها (انظر التحذير أعلاه).</translation>
    </message>
    <message>
        <source>List {list}, record {record}</source>
        <translation>القائمة {list}، السجل {record}</translation>
    </message>
    <message>
        <source>score {score}</source>
        <translation>درجة التطابق {score}</translation>
    </message>
    <message>
        <source>[1] The same person</source>
        <translation>[1] الشخص نفسه</translation>
    </message>
    <message>
        <source>[2] Not the same person</source>
        <translation>[2] ليس الشخص نفسه</translation>
    </message>
    <message>
        <source>Note: what happened (needed for &apos;other&apos;), then Enter</source>
        <translation>ملاحظة: ما الذي حدث (إلزامية لـ«آخر»)، ثم Enter</translation>
    </message>
    <message>
        <source>Action: {action}</source>
        <translation>الإجراء المطلوب: {action}</translation>
    </message>
    <message>
        <source>refer to secondary inspection</source>
        <translation>الإحالة إلى التفتيش الثانوي</translation>
    </message>
    <message>
        <source>Also: {matches}</source>
        <translation>أيضًا: {matches}</translation>
    </message>
</context>
</TS>
