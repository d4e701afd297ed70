"""The leerpaden models now belong to the app leerpaden (leerpaden.0001); state only, no data moves."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("intervisie", "0004_leerpaden_index"), ("leerpaden", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="StapVoortgang"),
                migrations.DeleteModel(name="LeerpadVoortgang"),
                migrations.DeleteModel(name="LeerpadStap"),
                migrations.DeleteModel(name="LeerpadPage"),
                migrations.DeleteModel(name="LeerpadIndexPage"),
            ]
        )
    ]
