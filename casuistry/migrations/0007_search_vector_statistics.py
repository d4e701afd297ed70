"""Let ANALYZE keep up to 10,000 lexemes of the casus tsvector (default 1,000).

At scale the search selector reads document frequencies from pg_stats.most_common_elems to
decide which query words are rare enough to match on (casuistry.selectors.search.fts_plan); the
longer list makes those estimates exact for far more words. ANALYZE then samples 300,000 rows.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("casuistry", "0006_bezwaargronden")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE casuistry_casuspage ALTER COLUMN search_vector SET STATISTICS 1000",
            "ALTER TABLE casuistry_casuspage ALTER COLUMN search_vector SET STATISTICS -1",
        )
    ]
