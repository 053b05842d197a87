"""The C kernel of ``_tokenset.c``: rapidfuzz's ``token_set_ratio`` over word-id runs."""

import numpy as np
import numpy.typing as npt

def scores(
    chars: npt.NDArray[np.uint32],
    word_end: npt.NDArray[np.int64],
    tokens: npt.NDArray[np.int64],
    run_end: npt.NDArray[np.int64],
    lo: npt.NDArray[np.int64],
    hi: npt.NDArray[np.int64],
    out: npt.NDArray[np.float64],
) -> None:
    """The score of texts lo[k] and hi[k] into out[k], for every k (see _tokenset.c)."""
