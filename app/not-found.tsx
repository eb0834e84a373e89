import '@/app/globals.css';

// Reached only for paths outside any locale that the proxy did not redirect (rare):
// a bilingual page, since there is no language to choose from.
export default function GlobalNotFound() {
  return (
    <html lang="ar" dir="rtl">
      <body>
        <main className="page not-found-page">
          <h1>الصفحة غير موجودة</h1>
          <p>
            <a href="/ar">العودة إلى الصفحة الرئيسية</a>
          </p>
          <div lang="en" dir="ltr">
            <h2>Page not found</h2>
            <p>
              <a href="/en">Go to the home page</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
