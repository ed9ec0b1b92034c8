"""The small hand-made glossary that the `align check` tests share."""

from __future__ import annotations

from glossary.model import (
    Entity,
    EntityType,
    Glossary,
    Variant,
    VariantKind,
    VariantStatus,
)

PER, ORG, LOC = EntityType.PER, EntityType.ORG, EntityType.LOC
ENTITIES = (
    Entity("barthou", PER, "Louis Barthou", "Louis Barthou"),
    Entity("degaulle", PER, "Charles de Gaulle", "Charles de Gaulle"),
    Entity("lavrov", PER, "Sergey Lavrov|Sergei Lavrov", "Sergueï Lavrov"),
    Entity("moscow", LOC, "Moscow", "Moscou"),
    Entity("nato", ORG, "NATO", "Organisation du traité de l'Atlantique nord"),
    Entity("un", ORG, "United Nations|UN", "Organisation des Nations unies|ONU"),
    Entity("ushakov", PER, "Yuri Ushakov", "Iouri Ouchakov"),
    Entity("ussr", ORG, "Soviet Union|USSR", "Union soviétique|URSS"),
    Entity("witkoff", PER, "Steve Witkoff", "Steve Witkoff"),
)
VARIANTS = (
    Variant("barthou", "Bartoux", "fr", VariantKind.SPELLING),
    Variant("lavrov", "Lavrova", "fr", VariantKind.SPELLING, status=VariantStatus.REJECTED),
    Variant(
        "lavrov", "Serguei Lavrov", "fr", VariantKind.SPELLING, status=VariantStatus.DEPRECATED
    ),
    Variant("lavrov", "Sergueï Lavrov", "fr", VariantKind.CANONICAL),
    Variant("moscow", "Moskva", "en", VariantKind.TRANSLITERATION, status=VariantStatus.REJECTED),
    Variant("nato", "OTAN", "fr", VariantKind.ACRONYM),
    Variant("ushakov", "Iouri Ouchakov", "fr", VariantKind.CANONICAL),
    Variant("ushakov", "Yury Ushakov", "en", VariantKind.TRANSLITERATION),
    Variant("ushakov", "Youri Ouchakov", "fr", VariantKind.SPELLING, status=VariantStatus.APPROVED),
    Variant("witkoff", "Steve Whitkoff", "fr", VariantKind.SPELLING),
    Variant("witkoff", "Witkof", "en", VariantKind.SPELLING, status=VariantStatus.DEPRECATED),
)
GLOSSARY = Glossary(ENTITIES, VARIANTS)
