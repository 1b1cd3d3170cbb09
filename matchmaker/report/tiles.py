"""Korea's 17 provinces on a small tile grid (a cartogram), by rough geography.

Each province gets one equal tile, so Sejong is as visible as Gyeonggi: the map shows
where demands and money go, not how large the land is. Columns run west → east, rows
north → south.
"""

from __future__ import annotations

from typing import NamedTuple


class Tile(NamedTuple):
    column: int
    row: int
    ko: str  # short Korean name, as written on maps and in the news
    en: str


TILES: dict[str, Tile] = {
    "28": Tile(0, 0, "인천", "Incheon"),
    "11": Tile(1, 0, "서울", "Seoul"),
    "51": Tile(2, 0, "강원", "Gangwon"),
    "41": Tile(1, 1, "경기", "Gyeonggi"),
    "43": Tile(2, 1, "충북", "Chungbuk"),
    "47": Tile(3, 1, "경북", "Gyeongbuk"),
    "44": Tile(0, 2, "충남", "Chungnam"),
    "36": Tile(1, 2, "세종", "Sejong"),
    "30": Tile(2, 2, "대전", "Daejeon"),
    "27": Tile(3, 2, "대구", "Daegu"),
    "52": Tile(0, 3, "전북", "Jeonbuk"),
    "48": Tile(2, 3, "경남", "Gyeongnam"),
    "31": Tile(3, 3, "울산", "Ulsan"),
    "29": Tile(0, 4, "광주", "Gwangju"),
    "46": Tile(1, 4, "전남", "Jeonnam"),
    "26": Tile(3, 4, "부산", "Busan"),
    "50": Tile(0, 5, "제주", "Jeju"),
}

COLUMNS = 1 + max(tile.column for tile in TILES.values())
ROWS = 1 + max(tile.row for tile in TILES.values())
