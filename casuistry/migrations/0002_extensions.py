from django.db import migrations

# pgvector is required (semantic search); pg_trgm is optional and created where the server has it.
CREATE = """
CREATE EXTENSION IF NOT EXISTS vector;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    END IF;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("casuistry", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, reverse_sql=migrations.RunSQL.noop)]
