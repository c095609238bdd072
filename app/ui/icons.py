"""Icons drawn at runtime with QPainter: the application icon and the status lights."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap, QRadialGradient

# idle | running | ok | partial | failed | started (waiting for the next scheduled run)
LIGHT_COLOURS: dict[str, str] = {
    "idle": "#9e9e9e",
    "started": "#5c9ded",
    "running": "#1e6fd9",
    "ok": "#2e9d46",
    "partial": "#e39b16",
    "failed": "#d33a2c",
}


def light_pixmap(state: str, size: int = 16) -> QPixmap:
    colour = QColor(LIGHT_COLOURS.get(state, LIGHT_COLOURS["idle"]))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(1.5, 1.5, size - 3, size - 3)
    gradient = QRadialGradient(QPointF(size * 0.38, size * 0.35), size * 0.6)
    gradient.setColorAt(0.0, colour.lighter(160))
    gradient.setColorAt(1.0, colour)
    painter.setBrush(QBrush(gradient))
    painter.setPen(QPen(colour.darker(140), 1))
    painter.drawEllipse(rect)
    painter.end()
    return pixmap


@cache
def light_icon(state: str) -> QIcon:
    icon = QIcon()
    for size in (12, 16, 24, 32):
        icon.addPixmap(light_pixmap(state, size))
    return icon


def app_pixmap(size: int = 64, badge: str | None = None) -> QPixmap:
    """Two arrows circling between a box (the warehouse) and a cart (the shop); ``badge`` adds a light."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f4e8c"))
    p.drawRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    pen = QPen(QColor("#ffffff"), 5 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    arc = QRectF(14 * s, 14 * s, 36 * s, 36 * s)
    p.drawArc(arc, 30 * 16, 130 * 16)
    p.drawArc(arc, 210 * 16, 130 * 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffffff"))
    # arrow heads at the ends of the two arcs
    p.drawPolygon([QPointF(10 * s, 30 * s), QPointF(22 * s, 30 * s), QPointF(16 * s, 38 * s)])
    p.drawPolygon([QPointF(42 * s, 34 * s), QPointF(54 * s, 34 * s), QPointF(48 * s, 26 * s)])
    p.setBrush(QColor("#8fd0ff"))
    p.drawRect(QRectF(26 * s, 26 * s, 12 * s, 12 * s))
    if badge:
        p.drawPixmap(int(40 * s), int(40 * s), light_pixmap(badge, int(22 * s)))
    p.end()
    return pixmap


def app_icon(badge: str | None = None) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(app_pixmap(size, badge))
    return icon
