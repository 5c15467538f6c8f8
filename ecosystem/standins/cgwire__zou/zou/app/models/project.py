"""Stand-in: the choice list of zou.app.models.project a revision imports."""
PROJECT_STYLES = [("2d", "2D Animation"), ("2dpaper", "2D Animation (Paper)"), ("3d", "3D Animation"),
                  ("2d3d", "2D/3D Animation"), ("ar", "Augmented Reality"), ("vfx", "VFX"),
                  ("stop-motion", "Stop Motion"), ("motion-design", "Motion Design"), ("archviz", "Archviz"),
                  ("commercial", "Commercial"), ("catalog", "Catalog"), ("immersive", "Immersive Experience"),
                  ("nft", "NFT Collection"), ("video-game", "Video Game"), ("vr", "Virtual Reality")]
